package com.clinic.platform.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A fresh machine's first start: the database is created when missing, and every other way the
 * database can be out of reach fails with one sentence saying what is wrong and what to run.
 * Runs against the test PostgreSQL server ({@code CLINIC_TEST_DB_URL}).
 */
class DatabaseAtStartTest {

    private static final String SERVER_URL =
            System.getenv().getOrDefault("CLINIC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/clinic_test");
    private static final String USER = System.getenv().getOrDefault("CLINIC_TEST_DB_USER", "postgres");

    private final String database =
            "clinic_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @AfterEach
    void dropTheDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void aMissingDatabaseIsCreatedAndASecondStartFindsIt() throws SQLException {
        DatabaseAtStart.Target target = target(urlOf(database));

        DatabaseAtStart.check(target, true);
        DatabaseAtStart.check(target, true);

        try (Connection connection = target.connect(target.url())) {
            assertThat(connection.getCatalog()).isEqualTo(database);
        }
    }

    @Test
    void aMissingDatabaseThatMayNotBeCreatedSaysWhichCommandCreatesIt() {
        DatabaseAtStart.Target target = target(urlOf(database));

        assertThatThrownBy(() -> DatabaseAtStart.check(target, false))
                .isInstanceOfSatisfying(DatabaseUnavailable.class, failure -> {
                    assertThat(failure.getMessage())
                            .startsWith("The database \"" + database + "\" does not exist on ")
                            .contains("clinic.database.create-if-missing is false");
                    assertThat(failure.action())
                            .startsWith("Create it with: createdb -h ")
                            .endsWith("-U " + USER + " " + database
                                    + " (or point CLINIC_DB_URL at an existing database).");
                });
    }

    @Test
    void aServerThatIsNotListeningIsReportedAsUnreachableWithWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseAtStart.Target target = target("jdbc:postgresql://127.0.0.1:" + closedPort + "/clinic");

        assertThatThrownBy(() -> DatabaseAtStart.check(target, true))
                .isInstanceOfSatisfying(DatabaseUnavailable.class, failure -> {
                    assertThat(failure.getMessage())
                            .isEqualTo("Cannot reach PostgreSQL at 127.0.0.1:" + closedPort
                                    + " (ConnectException: Connection refused).");
                    assertThat(failure.action()).contains("CLINIC_DB_URL");
                });
    }

    @Test
    void anUnknownUserIsToldToSetTheCredentials() {
        DatabaseAtStart.Target target = DatabaseAtStart.Target.of(urlOf(database), "nobody_" + database, "");

        assertThatThrownBy(() -> DatabaseAtStart.check(target, true))
                .isInstanceOfSatisfying(DatabaseUnavailable.class, failure -> {
                    assertThat(failure.getMessage()).contains("refused the user \"nobody_" + database + "\"");
                    assertThat(failure.action()).contains("CLINIC_DB_USER", "CLINIC_DB_PASSWORD");
                });
    }

    @Test
    void theFailureAnalysisIsTheSentenceAndTheAction() {
        DatabaseUnavailable failure = DatabaseUnavailable.missing(target(urlOf(database)), "permission denied");

        FailureAnalysis analysis = new DatabaseUnavailableAnalyzer().analyze(new IllegalStateException(failure));

        assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
        assertThat(analysis.getAction()).isEqualTo(failure.action());
    }

    @Test
    void theMaintenanceDatabaseKeepsTheServerAndTheUrlsParameters() {
        DatabaseAtStart.Target target = target("jdbc:postgresql://db.internal:6432/clinic?sslmode=require");

        assertThat(target.maintenanceUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/postgres?sslmode=require");
        assertThat(target.server()).isEqualTo("db.internal:6432");
        assertThat(target.database()).isEqualTo("clinic");
    }

    private static DatabaseAtStart.Target target(String url) {
        return DatabaseAtStart.Target.of(url, USER, "");
    }

    /** The test server's URL naming another database. */
    private static String urlOf(String name) {
        int query = SERVER_URL.indexOf('?');
        String base = query < 0 ? SERVER_URL : SERVER_URL.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1)
                + name.toLowerCase(Locale.ROOT)
                + (query < 0 ? "" : SERVER_URL.substring(query));
    }
}
