package com.clinic.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/**
 * Statements a projection issues while its processor handles a batch of events, sent to PostgreSQL
 * as one JDBC batch when the batch's unit of work prepares to commit (in the same transaction as the
 * processor's token). One round trip per batch instead of one per event is what lets a replay
 * rebuild read models at tens of thousands of events per second (docs/benchmarks.md). Only for
 * handlers that write without reading what earlier events of the batch wrote; outside a unit of work
 * the statement runs at once.
 *
 * <p>A failed statement must fail in its own event's handler, or the projection cannot dead-letter
 * that event (ADR 0016): in the batch sent at commit, it fails the whole batch. So a dead letter being
 * retried writes at once, and when a batch's statements fail, the processor's thread writes at once
 * until its next batch commits: Axon retries the failed batch, and this time the failing event's own
 * handler fails, is rolled back to its savepoint and dead-lettered, and the rest of the batch commits.
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName() + ".pending";
    private static final String AT_ONCE = ProjectionWrites.class.getName() + ".at-once";

    /** Set on a processor's thread whose batch of statements failed, until its next batch commits. */
    private static final ThreadLocal<Boolean> WRITE_AT_ONCE = new ThreadLocal<>();

    private final DSLContext db;

    ProjectionWrites(DSLContext db) {
        this.db = db;
    }

    public void execute(Query query) {
        if (!CurrentUnitOfWork.isStarted()) {
            query.execute();
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        // Axon's dead-letter retry puts the letter among its unit of work's resources.
        if (current.resources().containsKey(DeadLetter.class.getName())) {
            query.execute();
            return;
        }
        UnitOfWork<?> root = current.root();
        if (Boolean.TRUE.equals(WRITE_AT_ONCE.get())) {
            root.getOrComputeResource(AT_ONCE, key -> {
                root.afterCommit(unitOfWork -> WRITE_AT_ONCE.remove());
                return Boolean.TRUE;
            });
            query.execute();
            return;
        }
        List<Query> pending = root.getOrComputeResource(PENDING, key -> {
            List<Query> queries = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> flush(queries));
            return queries;
        });
        pending.add(query);
    }

    private void flush(List<Query> queries) {
        try {
            if (queries.size() == 1) {
                queries.getFirst().execute();
            } else if (!queries.isEmpty()) {
                db.batch(queries).execute();
            }
        } catch (RuntimeException failure) {
            // Which event's statement failed is unknown here; the retried batch finds out event by event.
            WRITE_AT_ONCE.set(Boolean.TRUE);
            throw failure;
        }
        queries.clear();
    }
}
