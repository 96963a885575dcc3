package com.clinic.platform.bootstrap;

import com.clinic.platform.application.projection.DeadLetterRetry;
import com.clinic.platform.application.projection.DeadLetteredEvent;
import com.clinic.platform.application.projection.DeadLetters;
import com.clinic.platform.application.projection.DeadLettersStatus;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The projections' dead-letter queues over Axon's JDBC sequenced dead-letter queue (ADR 0016): listed
 * through Axon's queue API, retried through Axon's dead-letter processor (the same handlers, with the
 * same savepoint per event), counted with one grouped query for health and metrics.
 */
@Component
class AxonDeadLetters implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(AxonDeadLetters.class);

    /** Gauges read every group's count within one scrape: one query serves them all. */
    private static final Duration GAUGE_FRESHNESS = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final ProjectionGroups groups;
    private final AxonProjections projections;
    private final JdbcTemplate jdbc;

    private final Object gaugeLock = new Object();
    private Map<String, Counts> gaugeCounts = Map.of();
    private boolean gaugeCountsRead;
    private long gaugeCountsAt;

    AxonDeadLetters(
            EventProcessingConfiguration processing,
            ProjectionGroups groups,
            AxonProjections projections,
            JdbcTemplate jdbc,
            MeterRegistry meters) {
        this.processing = processing;
        this.groups = groups;
        this.projections = projections;
        this.jdbc = jdbc;
        for (String group : groups.names()) {
            Gauge.builder("clinic.projection.dead.letters", this, self -> self.gaugeCount(group))
                    .description("Events in the projection's dead-letter queue, not applied to its read model")
                    .tag("group", group)
                    .register(meters);
        }
    }

    // --- DeadLetters -------------------------------------------------------------------------------

    @Override
    public DeadLettersStatus list(Optional<String> processingGroup, int limit) {
        processingGroup.ifPresent(this::requireGroup);
        List<String> names = processingGroup.map(List::of).orElseGet(() -> List.copyOf(groups.names()));
        Map<String, Counts> counts = counts();
        List<DeadLettersStatus.Group> summary = new ArrayList<>();
        long total = 0;
        for (String group : names) {
            Counts count = counts.getOrDefault(group, Counts.NONE);
            summary.add(new DeadLettersStatus.Group(group, count.letters(), count.sequences()));
            total += count.letters();
        }
        List<DeadLetteredEvent> letters = new ArrayList<>();
        for (String group : names) {
            if (letters.size() >= limit) {
                break;
            }
            if (counts.getOrDefault(group, Counts.NONE).letters() == 0) {
                continue;
            }
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                    queue(group).deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() >= limit) {
                        break;
                    }
                    letters.add(describe(group, letter));
                }
                if (letters.size() >= limit) {
                    break;
                }
            }
        }
        return new DeadLettersStatus(total, summary, letters, total > letters.size());
    }

    @Override
    public DeadLetterRetry retry(Actor requestedBy, String processingGroup) {
        requireAdministrator(requestedBy);
        requireGroup(processingGroup);
        requireNoReplay();
        List<String> sequences = jdbc.queryForList(
                "SELECT sequenceidentifier FROM deadletterentry WHERE processinggroup = ?"
                        + " GROUP BY sequenceidentifier ORDER BY min(lasttouched), sequenceidentifier",
                String.class,
                processingGroup);
        return retry(requestedBy, processingGroup, sequences);
    }

    @Override
    public DeadLetterRetry retrySequence(Actor requestedBy, String processingGroup, String sequenceId) {
        requireAdministrator(requestedBy);
        requireGroup(processingGroup);
        Long letters = jdbc.queryForObject(
                "SELECT count(*) FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                Long.class,
                processingGroup,
                sequenceId);
        if (letters == null || letters == 0) {
            throw new Rejection.NotFound("dead-letters.unknown-sequence", processingGroup, sequenceId);
        }
        requireNoReplay();
        return retry(requestedBy, processingGroup, List.of(sequenceId));
    }

    // --- For the health indicator ------------------------------------------------------------------

    /** Whether the processor's group has a dead-letter queue (each projection group is its own processor). */
    boolean hasQueue(String processorName) {
        return groups.contains(processorName);
    }

    /** Letters per processing group that has any, read now. */
    Map<String, Long> lettersPerGroup() {
        Map<String, Long> letters = new LinkedHashMap<>();
        counts().forEach((group, count) -> letters.put(group, count.letters()));
        return letters;
    }

    // --- Retrying ----------------------------------------------------------------------------------

    /** One sequence at a time, each in its own transaction: one that fails again does not undo the others. */
    private DeadLetterRetry retry(Actor requestedBy, String processingGroup, List<String> sequences) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + processingGroup));
        log.atInfo()
                .setMessage("Dead letters of {} retried by {}: {} sequences")
                .addArgument(processingGroup)
                .addArgument(requestedBy.userId())
                .addArgument(sequences.size())
                .addKeyValue("action", "projection.dead-letter.retry-requested")
                .addKeyValue("processingGroup", processingGroup)
                .addKeyValue("userId", requestedBy.userId())
                .addKeyValue("sequences", sequences.size())
                .log();
        int applied = 0;
        for (String sequence : sequences) {
            if (processor.process(inSequence(sequence))) {
                applied++;
            }
        }
        long remaining = counts().getOrDefault(processingGroup, Counts.NONE).letters();
        log.atInfo()
                .setMessage("Dead letters of {}: {} of {} sequences applied, {} letters remain")
                .addArgument(processingGroup)
                .addArgument(applied)
                .addArgument(sequences.size())
                .addArgument(remaining)
                .addKeyValue("action", "projection.dead-letter.retried")
                .addKeyValue("processingGroup", processingGroup)
                .addKeyValue("userId", requestedBy.userId())
                .addKeyValue("sequencesApplied", applied)
                .addKeyValue("remaining", remaining)
                .log();
        return new DeadLetterRetry(processingGroup, sequences.size(), applied, remaining);
    }

    private static Predicate<DeadLetter<? extends EventMessage<?>>> inSequence(String sequenceId) {
        return letter -> letter instanceof JdbcDeadLetter<?> stored
                && stored.getSequenceIdentifier().equals(sequenceId);
    }

    // --- Reading -----------------------------------------------------------------------------------

    private static DeadLetteredEvent describe(String group, DeadLetter<? extends EventMessage<?>> letter) {
        JdbcDeadLetter<?> stored = (JdbcDeadLetter<?>) letter;
        EventMessage<?> event = letter.message();
        Optional<DomainEventMessage<?>> domain =
                event instanceof DomainEventMessage<?> message ? Optional.of(message) : Optional.empty();
        Optional<Cause> cause = letter.cause();
        return new DeadLetteredEvent(
                stored.getIdentifier(),
                group,
                stored.getSequenceIdentifier(),
                stored.getSequenceIndex(),
                event.getPayloadType().getSimpleName(),
                domain.map(DomainEventMessage::getType),
                domain.map(DomainEventMessage::getAggregateIdentifier),
                domain.map(DomainEventMessage::getSequenceNumber),
                cause.map(Cause::type),
                cause.map(Cause::message),
                letter.enqueuedAt(),
                letter.lastTouched(),
                ProjectionDeadLetterPolicy.retries(letter));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing
                .deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + group));
    }

    private Map<String, Counts> counts() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT processinggroup, count(*), count(DISTINCT sequenceidentifier) FROM deadletterentry"
                        + " GROUP BY processinggroup",
                (RowCallbackHandler) row -> counts.put(row.getString(1), new Counts(row.getLong(2), row.getLong(3))));
        return counts;
    }

    private double gaugeCount(String group) {
        synchronized (gaugeLock) {
            long now = System.nanoTime();
            if (!gaugeCountsRead || now - gaugeCountsAt > GAUGE_FRESHNESS.toNanos()) {
                try {
                    gaugeCounts = counts();
                    gaugeCountsRead = true;
                    gaugeCountsAt = now;
                } catch (RuntimeException unavailable) {
                    // No database: the gauge has no value rather than a false zero.
                    log.debug("Dead letters could not be counted", unavailable);
                    return Double.NaN;
                }
            }
            return gaugeCounts.getOrDefault(group, Counts.NONE).letters();
        }
    }

    private void requireGroup(String processingGroup) {
        if (!groups.contains(processingGroup)) {
            throw new Rejection.NotFound("dead-letters.unknown-group", processingGroup);
        }
    }

    /** A replay clears and rebuilds read models; a retry meanwhile would write into one half rebuilt. */
    private void requireNoReplay() {
        if (projections.writesPaused()) {
            throw new Rejection.Conflict("dead-letters.replay-in-progress");
        }
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators retry dead letters");
        }
    }

    private record Counts(long letters, long sequences) {
        static final Counts NONE = new Counts(0, 0);
    }
}
