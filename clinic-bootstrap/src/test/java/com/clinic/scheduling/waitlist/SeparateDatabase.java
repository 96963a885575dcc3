package com.clinic.scheduling.waitlist;

import com.clinic.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own for tests that start and stop whole application contexts, so the shared
 * integration-test context (still running in the same JVM) never handles their events. Made on the
 * CLINIC_TEST_DB_URL server and dropped at exit; without that variable, the shared test database.
 */
public final class SeparateDatabase {

    private SeparateDatabase() {}

    public static TestDatabase.Connection create() {
        String adminUrl = System.getenv("CLINIC_TEST_DB_URL");
        if (adminUrl == null || adminUrl.isBlank()) {
            return TestDatabase.get();
        }
        String user = System.getenv().getOrDefault("CLINIC_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("CLINIC_TEST_DB_PASSWORD", "");
        String name = ("clinic_it_restart_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
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
        return new TestDatabase.Connection(url, user, password);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "'", e);
        }
    }
}
