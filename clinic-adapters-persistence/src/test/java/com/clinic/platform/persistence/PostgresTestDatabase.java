package com.clinic.platform.persistence;

import com.clinic.platform.application.crypto.SubjectKeyStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultDSLContext;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL this module's tests run against, without a Spring context: the adapters are
 * built by hand on what this extension hands out ({@link DSLContext}, {@link DataSource}, a {@link
 * TransactionTemplate} on that data source, the platform's {@link ProjectionWrites} and {@link
 * SubjectKeyStore}, and fresh unpooled connections for LISTEN).
 *
 * <p>Each test JVM gets a database of its own, migrated by the project's Flyway scripts and dropped
 * when the run ends, the way clinic-bootstrap's tests get theirs: on the server of {@code
 * CLINIC_TEST_DB_URL} (any database there serves to create it; {@code CLINIC_TEST_DB_USER} and
 * {@code CLINIC_TEST_DB_PASSWORD} log in), else in a Testcontainers PostgreSQL where Docker runs, else
 * on {@value #DEFAULT_URL}. A server that cannot be reached fails the tests; they never skip.
 *
 * <p>Every table is emptied before each test, so a test sees only the rows it wrote and may assert
 * whole pages and counts.
 */
public final class PostgresTestDatabase implements BeforeEachCallback, ParameterResolver {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/clinic_test";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresTestDatabase.class);

    static {
        // jOOQ's banner and tips, once per JVM, say nothing a test log needs.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** Where the test database lives, for connections of one's own (LISTEN, a second "instance"). */
    public record Server(String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** The per-JVM database; closed (and dropped) by JUnit when the run's root store closes. */
    static final class Database implements AutoCloseable {

        final Server server;
        final HikariDataSource dataSource;
        final DSLContext db;
        final PlatformTransactionManager transactionManager;
        final List<String> tables;
        final Set<String> appendOnly;
        private final Runnable drop;

        private Database(Server server, Runnable drop) {
            this.server = server;
            this.drop = drop;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.url());
            config.setUsername(server.user());
            config.setPassword(server.password());
            // Enough for the concurrency tests' racing transactions, few enough for a shared server.
            config.setMaximumPoolSize(8);
            config.setPoolName("persistence-tests");
            this.dataSource = new HikariDataSource(config);
            try {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            } catch (RuntimeException failedMigration) {
                // Nothing will close a database that was never handed out: drop it here.
                dataSource.close();
                drop.run();
                throw failedMigration;
            }
            // As Spring Boot wires jOOQ: statements join the Spring transaction of the calling thread.
            this.db = new DefaultDSLContext(new DefaultConfiguration()
                    .set(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(dataSource)))
                    .set(SQLDialect.POSTGRES));
            this.transactionManager = new DataSourceTransactionManager(dataSource);
            this.tables = referencingFirst(db);
            this.appendOnly = Set.copyOf(db.fetch("SELECT DISTINCT event_object_table FROM information_schema.triggers"
                            + " WHERE trigger_schema = 'public' AND event_manipulation = 'DELETE'"
                            + " AND action_timing = 'BEFORE'")
                    .getValues(0, String.class));
        }

        /** Every table but Flyway's, each before the tables its foreign keys point to. */
        private static List<String> referencingFirst(DSLContext db) {
            List<String> names = db.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                            + " AND tablename <> 'flyway_schema_history' ORDER BY tablename")
                    .getValues(0, String.class);
            Map<String, List<String>> referencedBy = new HashMap<>();
            db.fetch("SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                            + " WHERE contype = 'f' AND connamespace = 'public'::regnamespace")
                    .forEach(fk -> referencedBy
                            .computeIfAbsent(fk.get(1, String.class), k -> new ArrayList<>())
                            .add(fk.get(0, String.class)));
            List<String> ordered = new ArrayList<>();
            Set<String> placed = new HashSet<>();
            names.forEach(name -> placeAfterReferencing(name, referencedBy, placed, ordered));
            return List.copyOf(ordered);
        }

        private static void placeAfterReferencing(
                String table, Map<String, List<String>> referencedBy, Set<String> placed, List<String> ordered) {
            if (!placed.add(table)) {
                return;
            }
            referencedBy
                    .getOrDefault(table, List.of())
                    .forEach(child -> placeAfterReferencing(child, referencedBy, placed, ordered));
            ordered.add(table);
        }

        /**
         * DELETE rather than TRUNCATE: a test leaves a handful of rows, and truncating some forty tables
         * (new files for each table and index) took a quarter of a second before every test. Tables
         * whose rows a trigger forbids deleting (the append-only ledger) are truncated, which row
         * triggers do not see.
         */
        void emptyEveryTable() {
            db.execute(tables.stream()
                    .map(t -> (appendOnly.contains(t) ? "TRUNCATE \"" : "DELETE FROM \"") + t + "\"")
                    .collect(Collectors.joining("; ")));
        }

        @Override
        public void close() {
            dataSource.close();
            drop.run();
        }

        static Database create() {
            String url = System.getenv("CLINIC_TEST_DB_URL");
            String user = System.getenv().getOrDefault("CLINIC_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("CLINIC_TEST_DB_PASSWORD", "");
            if (url != null && !url.isBlank()) {
                return freshDatabaseOn(url, user, password);
            }
            if (dockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
                return new Database(
                        new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword()),
                        container::stop);
            }
            return freshDatabaseOn(DEFAULT_URL, user, password);
        }

        private static Database freshDatabaseOn(String adminUrl, String user, String password) {
            String name = "clinic_pers_" + Instant.now().getEpochSecond() + "_"
                    + ThreadLocalRandom.current().nextInt(1_000_000);
            execute(adminUrl, user, password, "CREATE DATABASE " + name);
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            String url = adminUrl.substring(0, slash + 1) + name + (query >= 0 ? adminUrl.substring(query) : "");
            return new Database(new Server(url, user, password), () -> {
                try {
                    execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (RuntimeException ignored) {
                    // Best effort: a left-over test database is harmless and named for cleanup.
                }
            });
        }

        private static void execute(String url, String user, String password, String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Could not run '" + sql + "' on " + url + ": the persistence tests need a PostgreSQL"
                                + " server; set CLINIC_TEST_DB_URL (e.g. " + DEFAULT_URL + ") or run where"
                                + " Docker is available",
                        e);
            }
        }

        private static boolean dockerAvailable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }

    private static Database database(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Database.class, k -> Database.create(), Database.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database(context).emptyEveryTable();
    }

    private static final List<Class<?>> RESOLVED = List.of(
            DSLContext.class,
            DataSource.class,
            TransactionTemplate.class,
            PlatformTransactionManager.class,
            ProjectionWrites.class,
            SubjectKeyStore.class,
            Server.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Database database = database(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == DSLContext.class) {
            return database.db;
        }
        if (type == DataSource.class) {
            return database.dataSource;
        }
        if (type == TransactionTemplate.class) {
            return new TransactionTemplate(database.transactionManager);
        }
        if (type == PlatformTransactionManager.class) {
            return database.transactionManager;
        }
        if (type == ProjectionWrites.class) {
            return new ProjectionWrites(database.db);
        }
        if (type == SubjectKeyStore.class) {
            return new JooqSubjectKeyStore(database.db);
        }
        if (type == Server.class) {
            return database.server;
        }
        throw new ParameterResolutionException("Nothing to resolve for " + type);
    }
}
