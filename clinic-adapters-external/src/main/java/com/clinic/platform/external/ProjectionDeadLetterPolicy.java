package com.clinic.platform.external;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a projection's handler is dead-lettered, never skipped (ADR 0016). Before Axon
 * inserts the letter, the event's own writes are rolled back to its savepoint ({@link
 * EventSavepoints}); the letter keeps a sanitized cause ({@link DeadLetterCauses}) and how many retries
 * of it have failed. The log has the sanitized cause, and the stack trace unless the failure came from
 * the database, whose messages quote the failing row (then at DEBUG).
 */
public final class ProjectionDeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key: failed retries of the letter. */
    static final String RETRIES = "retries";

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetterPolicy.class);

    private final String processingGroup;
    private final Counter enqueued;

    public ProjectionDeadLetterPolicy(String processingGroup, MeterRegistry meters) {
        this.processingGroup = processingGroup;
        this.enqueued = Counter.builder("clinic.projection.dead.letters.enqueued")
                .description("Events a projection failed to apply and put in its dead-letter queue")
                .tag("group", processingGroup)
                .register(meters);
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        try {
            EventSavepoints.rollBackCurrent();
        } catch (SQLException undo) {
            // The transaction cannot be brought back: failing the batch lets Axon retry it as a whole.
            IllegalStateException failure =
                    new IllegalStateException("could not roll back a failed event of " + processingGroup, undo);
            failure.addSuppressed(cause);
            throw failure;
        }
        // A letter read back from the queue is being retried; a new one has just failed for the first time.
        boolean retry = letter instanceof JdbcDeadLetter<?>;
        int retries = retries(letter) + (retry ? 1 : 0);
        ThrowableCause kept = DeadLetterCauses.describe(cause);
        EventMessage<?> event = letter.message();
        // A database error's message quotes the statement and the failing row (personal data, ADR 0005):
        // its stack trace is logged at DEBUG only; the WARN line carries the sanitized cause.
        boolean quotesData = DeadLetterCauses.fromDatabase(cause);
        log.atWarn()
                .setMessage(
                        retry
                                ? "Projection {} failed again on event {} ({}); it stays in the dead-letter queue"
                                : "Projection {} failed on event {} ({}); it and the later events of its aggregate"
                                        + " go to the dead-letter queue")
                .addArgument(processingGroup)
                .addArgument(event.getIdentifier())
                .addArgument(event.getPayloadType().getSimpleName())
                .addKeyValue("action", retry ? "projection.dead-letter.retry-failed" : "projection.dead-lettered")
                .addKeyValue("processingGroup", processingGroup)
                .addKeyValue("eventId", event.getIdentifier())
                .addKeyValue(
                        "aggregateId",
                        event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null)
                .addKeyValue("causeType", kept.type())
                .addKeyValue("cause", kept.message())
                .addKeyValue("retries", retries)
                .setCause(quotesData ? null : cause)
                .log();
        if (quotesData) {
            log.debug("Database failure of {} on event {}", processingGroup, event.getIdentifier(), cause);
        }
        if (retry) {
            return Decisions.requeue(kept, failed -> failed.diagnostics().and(RETRIES, retries));
        }
        enqueued.increment();
        return Decisions.enqueue(kept, failed -> failed.diagnostics().and(RETRIES, retries));
    }

    static int retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number count ? count.intValue() : 0;
    }
}
