package com.clinic.platform.application.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.access.FixedActorRecords;
import com.clinic.platform.application.projection.ProcessorStatus.Kind;
import com.clinic.platform.application.projection.ProcessorStatus.Mode;
import com.clinic.platform.application.projection.port.DeadLetterQueues;
import com.clinic.platform.application.projection.port.ProjectionProcessors;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules of projection administration, over in-memory ports: who may replay and retry, which
 * processors are replayable, and what a running replay forbids. The Axon side is covered end to end
 * by ProjectionReplayTest and ProjectionDeadLetterTest.
 */
class ProjectionAdministrationTest {

    private static final Actor ADMIN = actor(Role.ADMIN);
    private static final Actor AUDITOR = actor(Role.AUDITOR);

    private final Processors processors = new Processors()
            .with("audit-index", Kind.PROJECTION, Mode.POOLED_STREAMING)
            .with("directory", Kind.PROJECTION, Mode.POOLED_STREAMING)
            .with("scheduling-claims", Kind.WRITE_GUARD, Mode.SUBSCRIBING)
            .with("scheduling-waitlist-offers", Kind.PROCESS, Mode.POOLED_STREAMING);
    private final Queues queues = new Queues("audit-index", "directory");
    private final ProjectionAdministration administration =
            new ProjectionAdministration(processors, queues, new FixedActorRecords().policy());

    @Test
    void onlyAdministratorsReplayAndNothingStartsForAnyoneElse() {
        assertThatThrownBy(() -> administration.replay(AUDITOR, "directory")).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> administration.replayAll(AUDITOR)).isInstanceOf(AccessRefused.class);

        assertThat(processors.started).isEmpty();
    }

    @Test
    void anUnknownProcessorIsNotFoundAndProcessesAndWriteGuardsAreNotReplayable() {
        assertThatThrownBy(() -> administration.replay(ADMIN, "nothing"))
                .isInstanceOfSatisfying(Rejection.NotFound.class, refused -> assertThat(refused.code())
                        .isEqualTo("projection.unknown"));
        for (String notAProjection : List.of("scheduling-claims", "scheduling-waitlist-offers")) {
            assertThatThrownBy(() -> administration.replay(ADMIN, notAProjection))
                    .isInstanceOfSatisfying(Rejection.Conflict.class, refused -> assertThat(refused.code())
                            .isEqualTo("projection.not-replayable"));
        }
        assertThat(processors.started).isEmpty();
    }

    @Test
    void replayingAllStartsEveryProjectionOnceAndNothingWhileAReplayRuns() {
        administration.replayAll(ADMIN);

        assertThat(processors.started).containsExactly(List.of("audit-index", "directory"));
        assertThatThrownBy(() -> administration.replayAll(ADMIN))
                .isInstanceOfSatisfying(Rejection.Conflict.class, refused -> assertThat(refused.code())
                        .isEqualTo("projection.replay-in-progress"));
        assertThatThrownBy(() -> administration.replay(ADMIN, "directory"))
                .isInstanceOfSatisfying(Rejection.Conflict.class, refused -> assertThat(refused.code())
                        .isEqualTo("projection.already-replaying"));
        assertThat(processors.started).hasSize(1);
    }

    @Test
    void theStatusSaysWhichProcessorsAreReplayableAndWhyTheOthersAreNot() {
        administration.replay(ADMIN, "directory");

        ProjectionsStatus status = administration.status(AUDITOR);

        assertThat(status.writesPaused()).isTrue();
        assertThat(status.processors())
                .extracting(ProcessorStatus::name, ProcessorStatus::replayable)
                .containsExactly(
                        tuple("audit-index", true),
                        tuple("directory", true),
                        tuple("scheduling-claims", false),
                        tuple("scheduling-waitlist-offers", false));
        assertThat(status.processors().get(2).reason())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("Write-side guard"));
        assertThat(status.processors().get(3).reason())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("Process, not a projection"));
    }

    @Test
    void deadLettersAreRetriedByAdministratorsOnlyAndNotWhileAReplayRuns() {
        queues.park("directory", "clinic-1", 2);

        assertThatThrownBy(() -> administration.retryDeadLetters(AUDITOR, "directory"))
                .isInstanceOf(AccessRefused.class);
        administration.replay(ADMIN, "audit-index");
        assertThatThrownBy(() -> administration.retryDeadLetters(ADMIN, "directory"))
                .isInstanceOfSatisfying(Rejection.Conflict.class, refused -> assertThat(refused.code())
                        .isEqualTo("dead-letters.replay-in-progress"));
        assertThat(queues.retried).isEmpty();

        processors.finishReplays();
        DeadLetterRetry retry = administration.retryDeadLetters(ADMIN, "directory");

        assertThat(retry).isEqualTo(new DeadLetterRetry("directory", 1, 1, 0));
        assertThat(queues.retried).containsExactly("directory/clinic-1");
    }

    @Test
    void anUnknownGroupOrAnEmptySequenceIsNotFound() {
        assertThatThrownBy(() -> administration.deadLetters(AUDITOR, Optional.of("scheduling-claims"), 10))
                .isInstanceOfSatisfying(Rejection.NotFound.class, refused -> assertThat(refused.code())
                        .isEqualTo("dead-letters.unknown-group"));
        assertThatThrownBy(() -> administration.retryDeadLetterSequence(ADMIN, "directory", "clinic-9"))
                .isInstanceOfSatisfying(Rejection.NotFound.class, refused -> assertThat(refused.code())
                        .isEqualTo("dead-letters.unknown-sequence"));
    }

    @Test
    void theListCountsEveryLetterButListsAtMostTheLimit() {
        queues.park("audit-index", "a", 2);
        queues.park("directory", "b", 3);

        DeadLettersStatus status = administration.deadLetters(AUDITOR, Optional.empty(), 4);

        assertThat(status.total()).isEqualTo(5);
        assertThat(status.groups())
                .containsExactly(
                        new DeadLettersStatus.Group("audit-index", 2, 1),
                        new DeadLettersStatus.Group("directory", 3, 1));
        assertThat(status.letters()).hasSize(4);
        assertThat(status.truncated()).isTrue();
    }

    private static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), role, Optional.empty(), Optional.empty());
    }

    /** Processors whose replays run until told they finished. */
    private static final class Processors implements ProjectionProcessors {

        final SortedMap<String, ProcessorStatus> processors = new TreeMap<>();
        final List<List<String>> started = new ArrayList<>();
        final Set<String> replaying = new HashSet<>();

        Processors with(String name, Kind kind, Mode mode) {
            processors.put(
                    name,
                    new ProcessorStatus(
                            name,
                            kind,
                            mode,
                            List.of(name),
                            List.of(),
                            true,
                            false,
                            false,
                            false,
                            Optional.empty(),
                            0,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
            return this;
        }

        void finishReplays() {
            replaying.clear();
        }

        @Override
        public SortedMap<String, Kind> kinds() {
            SortedMap<String, Kind> kinds = new TreeMap<>();
            processors.forEach((name, status) -> kinds.put(name, status.kind()));
            return kinds;
        }

        @Override
        public Optional<Long> head() {
            return Optional.of(42L);
        }

        @Override
        public List<ProcessorStatus> describe(Optional<Long> head) {
            return List.copyOf(processors.values());
        }

        @Override
        public boolean replayInProgress() {
            return !replaying.isEmpty();
        }

        @Override
        public boolean replayInProgress(String processorName) {
            return replaying.contains(processorName);
        }

        @Override
        public void startReplay(Actor requestedBy, List<String> processorNames) {
            started.add(List.copyOf(processorNames));
            replaying.addAll(processorNames);
        }
    }

    /** Queues whose retries always succeed. */
    private static final class Queues implements DeadLetterQueues {

        final SortedSet<String> groups;
        final Map<String, Map<String, Integer>> letters = new LinkedHashMap<>();
        final List<String> retried = new ArrayList<>();

        Queues(String... groups) {
            this.groups = new TreeSet<>(List.of(groups));
        }

        void park(String group, String sequence, int count) {
            letters.computeIfAbsent(group, key -> new LinkedHashMap<>()).put(sequence, count);
        }

        @Override
        public SortedSet<String> groups() {
            return groups;
        }

        @Override
        public Map<String, DeadLettersStatus.Group> counts() {
            Map<String, DeadLettersStatus.Group> counts = new LinkedHashMap<>();
            letters.forEach((group, sequences) -> {
                long total = sequences.values().stream()
                        .mapToLong(Integer::longValue)
                        .sum();
                if (total > 0) {
                    counts.put(group, new DeadLettersStatus.Group(group, total, sequences.size()));
                }
            });
            return counts;
        }

        @Override
        public List<DeadLetteredEvent> letters(String processingGroup, int limit) {
            List<DeadLetteredEvent> listed = new ArrayList<>();
            letters.getOrDefault(processingGroup, Map.of()).forEach((sequence, count) -> {
                for (int i = 0; i < count && listed.size() < limit; i++) {
                    listed.add(new DeadLetteredEvent(
                            sequence + "-" + i,
                            processingGroup,
                            sequence,
                            i,
                            "SomethingHappened",
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Instant.EPOCH,
                            Instant.EPOCH,
                            0));
                }
            });
            return listed;
        }

        @Override
        public List<String> sequences(String processingGroup) {
            return List.copyOf(letters.getOrDefault(processingGroup, Map.of()).keySet());
        }

        @Override
        public long letters(String processingGroup, String sequenceId) {
            return letters.getOrDefault(processingGroup, Map.of()).getOrDefault(sequenceId, 0);
        }

        @Override
        public boolean retry(String processingGroup, String sequenceId) {
            retried.add(processingGroup + "/" + sequenceId);
            letters.get(processingGroup).remove(sequenceId);
            return true;
        }
    }
}
