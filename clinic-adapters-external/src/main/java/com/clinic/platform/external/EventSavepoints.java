package com.clinic.platform.external;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A savepoint around each event a projection with a dead-letter queue handles, so that a failed event
 * leaves nothing behind in its batch's transaction (ADR 0016).
 *
 * <p>Without it, dead-lettering does not work on PostgreSQL: a failed statement aborts the batch's
 * transaction, Axon's first query for the letter then fails with SQL state 25P02, and the processor
 * retries the batch for ever (AxonFramework issue #3289). A handler that throws after some writes would
 * also have those writes committed with the batch while its event sits in the queue, to be applied
 * again by the retry.
 *
 * <p>Not a Spring bean: Axon's Spring Boot support registers every {@code MessageHandlerInterceptor}
 * bean with every event processor, and this one belongs to the projections only.
 *
 * <p>Axon catches the failure inside its dead-lettering invoker and asks the enqueue policy before
 * inserting the letter, so the policy rolls back to this savepoint ({@link #rollBackCurrent()}); when a
 * retry of a letter fails, the failure passes through here and the savepoint is rolled back at once.
 */
public final class EventSavepoints implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The savepoint of the event being handled on this thread, if any. */
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;

    public EventSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return interceptorChain.proceed();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Frame outer = CURRENT.get();
        try {
            Frame frame = new Frame(connection, connection.setSavepoint());
            CURRENT.set(frame);
            Object result;
            try {
                result = interceptorChain.proceed();
            } catch (Throwable failure) {
                frame.rollBack(failure);
                throw failure;
            }
            frame.release();
            return result;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Undoes every write of the event being handled on this thread, leaving its transaction usable;
     * nothing when none is (or it was undone already).
     */
    static void rollBackCurrent() throws SQLException {
        Frame frame = CURRENT.get();
        if (frame != null) {
            frame.rollBack();
        }
    }

    private static final class Frame {

        private final Connection connection;
        private final Savepoint savepoint;
        private boolean rolledBack;

        Frame(Connection connection, Savepoint savepoint) {
            this.connection = connection;
            this.savepoint = savepoint;
        }

        void rollBack() throws SQLException {
            if (!rolledBack) {
                connection.rollback(savepoint);
                rolledBack = true;
            }
        }

        /** Rolls back on the way out of a failure, keeping the failure as what is reported. */
        void rollBack(Throwable failure) {
            try {
                rollBack();
                connection.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException undo) {
                failure.addSuppressed(undo);
            }
        }

        /** The event's writes become part of the batch (after a rollback: the dead letter's insert). */
        void release() throws SQLException {
            connection.releaseSavepoint(savepoint);
        }
    }
}
