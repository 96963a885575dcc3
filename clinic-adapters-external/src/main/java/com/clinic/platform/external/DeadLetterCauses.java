package com.clinic.platform.external;

import java.sql.SQLException;
import java.util.Locale;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What a dead letter keeps of the failure: the exception's class and a one-line description that an
 * administrator may read. Never the stack trace, nor the SQL text and row values that database errors
 * carry (PostgreSQL's "Failing row contains (...)" would copy a patient's row into the queue): for a
 * database error, the SQL state, and for an integrity violation also the first line of PostgreSQL's
 * message, which names the constraint and the relation.
 */
final class DeadLetterCauses {

    /** The width of the cause column (V63). */
    static final int MAX_MESSAGE = 1023;

    private static final int MAX_CAUSE_DEPTH = 32;

    private DeadLetterCauses() {}

    /** Whether the failure came from the database, whose messages may quote SQL and row values. */
    static boolean fromDatabase(Throwable failure) {
        return sqlCause(failure) != null;
    }

    static ThrowableCause describe(Throwable failure) {
        SQLException sql = sqlCause(failure);
        String message = sql != null ? describe(sql) : firstLine(failure.getMessage());
        return new ThrowableCause(failure.getClass().getName(), truncate(message));
    }

    private static String describe(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return "SQL error";
        }
        // Class 23: integrity constraint violations; their first line names the constraint, values only
        // follow in the detail lines. Other classes (22: data exceptions) may quote the offending value.
        if (state.startsWith("23")) {
            String line = firstLine(sql.getMessage());
            if (line != null && line.toUpperCase(Locale.ROOT).startsWith("ERROR: ")) {
                line = line.substring("ERROR: ".length());
            }
            return line == null ? "SQL state " + state : "SQL state " + state + ": " + line;
        }
        return "SQL state " + state;
    }

    /** The innermost SQL exception among the causes: the database's own report. */
    private static SQLException sqlCause(Throwable failure) {
        SQLException found = null;
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof SQLException sql) {
                found = sql;
            }
            if (current.getCause() == current) {
                break;
            }
            current = current.getCause();
        }
        return found;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }
}
