package com.clinic.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.application.Overloaded;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be used right now" (503) rather than a defect (500). */
class ServiceUnavailableTest {

    private static TransactionSystemException rollbackFailedAfter(RuntimeException statementFailure) {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(statementFailure);
        return rollback;
    }

    @Test
    void aConnectionLostMidStatementIsTransient() {
        assertThat(ServiceUnavailable.isTransient(new DataAccessResourceFailureException(
                        "jOOQ", new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
    }

    @Test
    void aRollbackThatFailsAfterTheConnectionWasLostIsTransient() {
        assertThat(ServiceUnavailable.isTransient(rollbackFailedAfter(new DataAccessResourceFailureException(
                        "jOOQ", new SQLException("An I/O error occurred while sending to the backend.", "08006")))))
                .isTrue();
    }

    @Test
    void aCommitOrRollbackTheConnectionCannotCarryOutIsTransientWhateverFailedFirst() {
        assertThat(ServiceUnavailable.isTransient(
                        rollbackFailedAfter(new DataIntegrityViolationException("date out of range"))))
                .isTrue();
        assertThat(ServiceUnavailable.isTransient(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aTransactionFailureThatIsNotTheConnectionsIsNotTransient() {
        assertThat(ServiceUnavailable.isTransient(
                        new TransactionSystemException("Could not roll back JTA transaction")))
                .isFalse();
        assertThat(ServiceUnavailable.isTransient(new TransactionSystemException(
                        "JDBC commit failed", new SQLException("deferred check failed", "23514"))))
                .isFalse();
    }

    @Test
    void aConstraintViolationIsNotTransient() {
        assertThat(ServiceUnavailable.isTransient(
                        new DataIntegrityViolationException("duplicate key", new SQLException("dup", "23505"))))
                .isFalse();
    }

    @Test
    void aPoolTimeoutWithoutACauseIsAPoolBusyWithAReachableDatabase() {
        // What Hikari throws when its last attempt to connect succeeded: every connection was just busy.
        SQLTransientConnectionException busy =
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");

        assertThat(ServiceUnavailable.cause(new CannotCreateTransactionException("no connection", busy)))
                .contains(ServiceUnavailable.Cause.POOL_EXHAUSTED);
    }

    @Test
    void aPoolTimeoutCarryingTheLastConnectFailureIsAnUnreachableDatabase() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        SQLTransientConnectionException down = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out", "08001", refused);
        down.setNextException(refused);

        assertThat(ServiceUnavailable.cause(new CannotCreateTransactionException("no connection", down)))
                .contains(ServiceUnavailable.Cause.DATABASE_UNREACHABLE);
        assertThat(ServiceUnavailable.cause(new DataAccessResourceFailureException(
                        "jOOQ", new SQLException("terminating connection due to administrator command", "57P01"))))
                .contains(ServiceUnavailable.Cause.DATABASE_UNREACHABLE);
    }

    @Test
    void aFullBulkheadIsOverloadNotTheDatabase() {
        assertThat(ServiceUnavailable.cause(new Overloaded("request handling")))
                .contains(ServiceUnavailable.Cause.OVERLOADED);
        assertThat(ServiceUnavailable.cause(new DataIntegrityViolationException("duplicate key")))
                .isEmpty();
    }
}
