package com.clinic.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests run against. With {@code CLINIC_TEST_DB_URL} (a JDBC URL of any
 * database on the server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}) each test JVM
 * creates its own fresh database there and drops it at exit, so runs never see each other's data.
 * Without it, a Testcontainers PostgreSQL is started where a Docker engine exists. Otherwise the
 * tests fail with a message saying how to provide a database: they never silently skip.
 */
public final class TestDatabase {

    public record Connection(String url, String user, String password) {}

    private static Connection instance;

    private TestDatabase() {}

    public static synchronized Connection get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static Connection create() {
        String url = System.getenv("CLINIC_TEST_DB_URL");
        String user = System.getenv().getOrDefault("CLINIC_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("CLINIC_TEST_DB_PASSWORD", "");
        if (url != null && !url.isBlank()) {
            return freshDatabaseOn(url, user, password);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("No PostgreSQL for the tests: set CLINIC_TEST_DB_URL "
                + "(e.g. jdbc:postgresql://127.0.0.1:5432/postgres) or run where a Docker engine is available.");
    }

    private static Connection freshDatabaseOn(String adminUrl, String user, String password) {
        String name = ("clinic_it_" + Instant.now().getEpochSecond() + "_"
                        + ThreadLocalRandom.current().nextInt(1_000_000))
                .toLowerCase(Locale.ROOT);
        execute(adminUrl, user, password, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // Best effort: a left-over test database is harmless and named for cleanup.
            }
        }));
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String url = adminUrl.substring(0, slash + 1) + name + (query >= 0 ? adminUrl.substring(query) : "");
        return new Connection(url, user, password);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (java.sql.Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
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
