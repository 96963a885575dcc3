package com.clinic.platform.persistence;

import static com.clinic.platform.persistence.jooq.Tables.SHREDDED_SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batching of projection statements in Axon's unit of work, against the real table writes. */
@ExtendWith(PostgresTestDatabase.class)
class ProjectionWritesTest {

    private final DSLContext db;
    private final ProjectionWrites writes;

    ProjectionWritesTest(DSLContext db, ProjectionWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @Test
    void outsideAUnitOfWorkAStatementRunsAtOnce() {
        writes.execute(insert(UUID.randomUUID()));

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void inAUnitOfWorkTheStatementsWaitForTheCommitAndThenAllRun() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        writes.execute(insert(UUID.randomUUID()));
        writes.execute(insert(UUID.randomUUID()));
        writes.execute(insert(UUID.randomUUID()));
        assertThat(rows()).as("before the commit").isZero();

        batch.commit();

        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        writes.execute(insert(UUID.randomUUID()));

        batch.rollback();

        assertThat(rows()).isZero();
    }

    @Test
    void aDeadLetterBeingRetriedWritesAtOnceSoThatItsOwnHandlerFails() {
        UnitOfWork<?> retry = DefaultUnitOfWork.startAndGet(null);
        try {
            retry.resources().put(DeadLetter.class.getName(), "the letter");

            writes.execute(insert(UUID.randomUUID()));

            assertThat(rows()).isEqualTo(1);
        } finally {
            retry.commit();
        }
    }

    @Test
    void afterAFailedBatchTheThreadWritesAtOnceUntilItsNextBatchCommits() {
        UUID duplicate = UUID.randomUUID();
        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        writes.execute(insert(duplicate));
        writes.execute(insert(duplicate));
        assertThatThrownBy(failing::commit).isInstanceOf(org.jooq.exception.DataAccessException.class);

        // Whether the batch's first insert survived its failure is the driver's affair; count from here.
        int before = rows();

        UnitOfWork<?> retried = DefaultUnitOfWork.startAndGet(null);
        writes.execute(insert(UUID.randomUUID()));
        assertThat(rows()).as("written at once, inside the unit of work").isEqualTo(before + 1);
        retried.commit();

        UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(null);
        writes.execute(insert(UUID.randomUUID()));
        assertThat(rows()).as("batched again once a batch has committed").isEqualTo(before + 1);
        next.commit();
        assertThat(rows()).isEqualTo(before + 2);
    }

    private Query insert(UUID subject) {
        return db.insertInto(SHREDDED_SUBJECT).set(SHREDDED_SUBJECT.SUBJECT_ID, subject);
    }

    private int rows() {
        return db.fetchCount(SHREDDED_SUBJECT);
    }
}
