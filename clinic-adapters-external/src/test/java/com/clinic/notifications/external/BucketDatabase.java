package com.clinic.notifications.external;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database of this test JVM's own with the rate limits' table, emptied before each test
 * and dropped when the run ends. Created on the server of {@code CLINIC_TEST_DB_URL} ({@code
 * CLINIC_TEST_DB_USER}, {@code CLINIC_TEST_DB_PASSWORD}), else on {@value #DEFAULT_URL}; a server that
 * cannot be reached fails the tests, they never skip. The table is Flyway V60's (the migrations live
 * in clinic-adapters-persistence, which this module does not see): Bucket4j's layout.
 */
final class BucketDatabase implements BeforeEachCallback, ParameterResolver {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/clinic_test";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BucketDatabase.class);

    private static final String TABLE =
            "CREATE TABLE rate_limit_bucket (" + " id VARCHAR(160) PRIMARY KEY, state BYTEA, expires_at BIGINT)";

    private record Database(PGSimpleDataSource dataSource, Runnable drop) implements AutoCloseable {

        @Override
        public void close() {
            drop.run();
        }
    }

    private static Database create() {
        String adminUrl = System.getenv().getOrDefault("CLINIC_TEST_DB_URL", DEFAULT_URL);
        if (adminUrl.isBlank()) {
            adminUrl = DEFAULT_URL;
        }
        String user = System.getenv().getOrDefault("CLINIC_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("CLINIC_TEST_DB_PASSWORD", "");
        String name = "clinic_ext_" + Instant.now().getEpochSecond() + "_"
                + ThreadLocalRandom.current().nextInt(1_000_000);
        String admin = adminUrl;
        execute(admin, user, password, "CREATE DATABASE " + name);
        int slash = admin.lastIndexOf('/');
        int query = admin.indexOf('?', slash);
        String url = admin.substring(0, slash + 1) + name + (query >= 0 ? admin.substring(query) : "");
        execute(url, user, password, TABLE);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return new Database(dataSource, () -> {
            try {
                execute(admin, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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
                    "Could not run '" + sql + "' on " + url + ": the rate limit tests need a PostgreSQL server;"
                            + " set CLINIC_TEST_DB_URL (e.g. " + DEFAULT_URL + ")",
                    e);
        }
    }

    private static Database database(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Database.class, k -> create(), Database.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        try (Connection connection = database(context).dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM rate_limit_bucket");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context).dataSource();
    }
}
