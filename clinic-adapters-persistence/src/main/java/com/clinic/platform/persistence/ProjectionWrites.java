package com.clinic.platform.persistence;

import java.util.ArrayList;
import java.util.List;
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
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName() + ".pending";

    private final DSLContext db;

    ProjectionWrites(DSLContext db) {
        this.db = db;
    }

    public void execute(Query query) {
        if (!CurrentUnitOfWork.isStarted()) {
            query.execute();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Query> pending = root.getOrComputeResource(PENDING, key -> {
            List<Query> queries = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> flush(queries));
            return queries;
        });
        pending.add(query);
    }

    private void flush(List<Query> queries) {
        if (queries.size() == 1) {
            queries.getFirst().execute();
        } else if (!queries.isEmpty()) {
            db.batch(queries).execute();
        }
        queries.clear();
    }
}
