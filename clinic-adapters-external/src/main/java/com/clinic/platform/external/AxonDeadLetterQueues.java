package com.clinic.platform.external;

import com.clinic.platform.application.projection.DeadLetteredEvent;
import com.clinic.platform.application.projection.DeadLettersStatus;
import com.clinic.platform.application.projection.port.DeadLetterQueues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
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

/**
 * The projections' dead-letter queues over Axon's JDBC sequenced dead-letter queue (ADR 0016): listed
 * through Axon's queue API, retried through Axon's dead-letter processor (the same handlers, with the
 * same savepoint per event), counted with one grouped query for health and metrics.
 *
 * <p>Not a component: the projection groups are found from the bean definitions, so the wiring that
 * finds them creates this too.
 */
public class AxonDeadLetterQueues implements DeadLetterQueues {

    private static final Logger log = LoggerFactory.getLogger(AxonDeadLetterQueues.class);

    /** Gauges read every group's count within one scrape: one query serves them all. */
    private static final Duration GAUGE_FRESHNESS = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final SortedSet<String> groups;
    private final JdbcTemplate jdbc;

    private final Object gaugeLock = new Object();
    private Map<String, DeadLettersStatus.Group> gaugeCounts = Map.of();
    private boolean gaugeCountsRead;
    private long gaugeCountsAt;

    /** @param groups the projections' processing groups: each has a queue, named as its processor */
    public AxonDeadLetterQueues(
            EventProcessingConfiguration processing,
            SortedSet<String> groups,
            JdbcTemplate jdbc,
            MeterRegistry meters) {
        this.processing = processing;
        this.groups = groups;
        this.jdbc = jdbc;
        for (String group : groups) {
            Gauge.builder("clinic.projection.dead.letters", this, self -> self.gaugeCount(group))
                    .description("Events in the projection's dead-letter queue, not applied to its read model")
                    .tag("group", group)
                    .register(meters);
        }
    }

    // --- DeadLetterQueues --------------------------------------------------------------------------

    @Override
    public SortedSet<String> groups() {
        return groups;
    }

    @Override
    public Map<String, DeadLettersStatus.Group> counts() {
        Map<String, DeadLettersStatus.Group> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT processinggroup, count(*), count(DISTINCT sequenceidentifier) FROM deadletterentry"
                        + " GROUP BY processinggroup",
                (RowCallbackHandler) row -> counts.put(
                        row.getString(1),
                        new DeadLettersStatus.Group(row.getString(1), row.getLong(2), row.getLong(3))));
        return counts;
    }

    @Override
    public List<DeadLetteredEvent> letters(String processingGroup, int limit) {
        List<DeadLetteredEvent> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                queue(processingGroup).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters.size() >= limit) {
                    return letters;
                }
                letters.add(describe(processingGroup, letter));
            }
        }
        return letters;
    }

    @Override
    public List<String> sequences(String processingGroup) {
        return jdbc.queryForList(
                "SELECT sequenceidentifier FROM deadletterentry WHERE processinggroup = ?"
                        + " GROUP BY sequenceidentifier ORDER BY min(lasttouched), sequenceidentifier",
                String.class,
                processingGroup);
    }

    @Override
    public long letters(String processingGroup, String sequenceId) {
        Long letters = jdbc.queryForObject(
                "SELECT count(*) FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                Long.class,
                processingGroup,
                sequenceId);
        return letters == null ? 0 : letters;
    }

    @Override
    public boolean retry(String processingGroup, String sequenceId) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + processingGroup));
        return processor.process(inSequence(sequenceId));
    }

    // --- For the health indicator ------------------------------------------------------------------

    /** Whether the processor's group has a dead-letter queue (each projection group is its own processor). */
    boolean hasQueue(String processorName) {
        return groups.contains(processorName);
    }

    /** Letters per processing group that has any, read now. */
    Map<String, Long> lettersPerGroup() {
        Map<String, Long> letters = new LinkedHashMap<>();
        counts().forEach((group, count) -> letters.put(group, count.deadLetters()));
        return letters;
    }

    // --- Reading -----------------------------------------------------------------------------------

    private static Predicate<DeadLetter<? extends EventMessage<?>>> inSequence(String sequenceId) {
        return letter -> letter instanceof JdbcDeadLetter<?> stored
                && stored.getSequenceIdentifier().equals(sequenceId);
    }

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
            DeadLettersStatus.Group count = gaugeCounts.get(group);
            return count == null ? 0 : count.deadLetters();
        }
    }
}
