package com.clinic.platform.bootstrap.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** The server cannot start on its database: what is wrong, in one sentence, and what to do. */
public final class DatabaseUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    DatabaseUnavailable(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }

    static DatabaseUnavailable missing(DatabaseAtStart.Target target, String why) {
        return new DatabaseUnavailable(
                "The database \"" + target.database() + "\" does not exist on " + target.server()
                        + " and was not created (" + why + ").",
                "Create it with: createdb -h " + target.host() + " -p " + target.port()
                        + (target.user().isBlank() ? "" : " -U " + target.user()) + " " + target.database()
                        + " (or point CLINIC_DB_URL at an existing database).");
    }

    static DatabaseUnavailable from(DatabaseAtStart.Target target, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.startsWith("28")) { // invalid authorization: no such role, wrong password, no pg_hba entry
            return new DatabaseUnavailable(
                    "PostgreSQL at " + target.server() + " refused the user \"" + target.user() + "\": "
                            + failure.getMessage(),
                    "Set CLINIC_DB_USER and CLINIC_DB_PASSWORD to an account of that server.");
        }
        Throwable cause = failure.getCause();
        String reason = cause instanceof ConnectException || cause instanceof UnknownHostException
                ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : failure.getMessage();
        return new DatabaseUnavailable(
                "Cannot reach PostgreSQL at " + target.server() + " (" + reason + ").",
                "Start PostgreSQL there, or point CLINIC_DB_URL at a running server (docker compose up -d db starts the one in docker-compose.yml).");
    }
}
