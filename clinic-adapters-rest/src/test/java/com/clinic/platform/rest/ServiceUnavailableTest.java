package com.clinic.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
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
}
