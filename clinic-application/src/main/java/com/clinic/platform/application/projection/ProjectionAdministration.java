package com.clinic.platform.application.projection;

import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.projection.port.DeadLetterQueues;
import com.clinic.platform.application.projection.port.ProjectionProcessors;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Operating the read models (ADR 0009, ADR 0016): the event processors and how far each is, replays of
 * the projections among them, and the events projections failed to apply.
 *
 * <p>The rules live here: administrators replay and retry, auditors only read; only projections are
 * replayable ({@link ProcessorStatus#replayable()}), never twice at once; a dead-letter retry waits
 * until no replay runs, since it would write into a read model half rebuilt. Who asked is logged.
 * How a replay or a retry is carried out is the ports' business.
 *
 * <p>A replay runs in the background: the replay methods return at once with the status at that
 * moment. While it runs, commands are refused ({@link WritesPausedForReplay}) and processes are paused:
 * every write path and every process reads some read model, and must never decide on one half rebuilt.
 */
@Service
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);

    private final ProjectionProcessors processors;
    private final DeadLetterQueues deadLetters;
    private final AccessPolicy access;

    /**
     * Held from the checks of a replay request until its runs are registered, so two requests never
     * both find a projection idle. Runs only ever finish on their own, which cannot make a check stale
     * in the dangerous direction.
     */
    private final Object replayRequests = new Object();

    public ProjectionAdministration(
            ProjectionProcessors processors, DeadLetterQueues deadLetters, AccessPolicy access) {
        this.access = access;
        this.processors = processors;
        this.deadLetters = deadLetters;
    }

    // --- Projections -------------------------------------------------------------------------------

    /** Every event processor of this instance, as seen by this instance. */
    public ProjectionsStatus status(Actor requestedBy) {
        access.requireRole(requestedBy, ProjectionOperation.VIEW_PROJECTIONS);
        Optional<Long> head = processors.head();
        List<ProcessorStatus> described = processors.describe(head);
        boolean replaying = described.stream().anyMatch(ProcessorStatus::replaying);
        return new ProjectionsStatus(head, replaying, processors.replayInProgress(), described);
    }

    /**
     * Starts rebuilding one projection.
     *
     * @throws com.clinic.platform.application.access.AccessRefused unless an administrator asks
     * @throws Rejection.NotFound when no processor has that name
     * @throws Rejection.Conflict when it is not replayable or already replaying
     */
    public ProjectionsStatus replay(Actor requestedBy, String processorName) {
        access.requireRole(requestedBy, ProjectionOperation.ADMINISTER_PROJECTIONS);
        ProcessorStatus.Kind kind = processors.kinds().get(processorName);
        if (kind == null) {
            throw new Rejection.NotFound("projection.unknown", processorName);
        }
        if (!ProcessorStatus.replayable(kind)) {
            throw new Rejection.Conflict("projection.not-replayable", processorName);
        }
        synchronized (replayRequests) {
            // Only a replay requested here counts: replay tokens left by a restart during a replay
            // (whose pause of writes and processes did not survive) are started over, with that pause.
            if (processors.replayInProgress(processorName)) {
                throw new Rejection.Conflict("projection.already-replaying", processorName);
            }
            start(requestedBy, List.of(processorName));
        }
        return status(requestedBy);
    }

    /**
     * Starts rebuilding every replayable projection.
     *
     * @throws com.clinic.platform.application.access.AccessRefused unless an administrator asks
     * @throws Rejection.Conflict when a replay is already in progress
     */
    public ProjectionsStatus replayAll(Actor requestedBy) {
        access.requireRole(requestedBy, ProjectionOperation.ADMINISTER_PROJECTIONS);
        synchronized (replayRequests) {
            if (processors.replayInProgress()) {
                throw new Rejection.Conflict("projection.replay-in-progress");
            }
            List<String> names = processors.kinds().entrySet().stream()
                    .filter(entry -> ProcessorStatus.replayable(entry.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
            start(requestedBy, names);
        }
        return status(requestedBy);
    }

    private void start(Actor requestedBy, List<String> names) {
        processors.startReplay(requestedBy, names);
        log.atInfo()
                .setMessage("Projection replay requested by {} for {}")
                .addArgument(requestedBy.userId())
                .addArgument(names)
                .addKeyValue("action", "projection.replay.requested")
                .addKeyValue("userId", requestedBy.userId())
                .addKeyValue("role", requestedBy.role())
                .addKeyValue("processors", names)
                .log();
    }

    // --- Dead letters ------------------------------------------------------------------------------

    /**
     * The dead letters of every projection, or of one processing group, oldest sequence first.
     *
     * @param limit how many letters at most to list; the counts always cover all of them
     * @throws Rejection.NotFound when no projection has that processing group
     */
    public DeadLettersStatus deadLetters(Actor requestedBy, Optional<String> processingGroup, int limit) {
        access.requireRole(requestedBy, ProjectionOperation.VIEW_PROJECTIONS);
        processingGroup.ifPresent(this::requireGroup);
        List<String> names = processingGroup.map(List::of).orElseGet(() -> List.copyOf(deadLetters.groups()));
        Map<String, DeadLettersStatus.Group> counts = deadLetters.counts();
        List<DeadLettersStatus.Group> summary = new ArrayList<>();
        long total = 0;
        for (String group : names) {
            DeadLettersStatus.Group count = counts.getOrDefault(group, new DeadLettersStatus.Group(group, 0, 0));
            summary.add(count);
            total += count.deadLetters();
        }
        List<DeadLetteredEvent> letters = new ArrayList<>();
        for (String group : names) {
            if (letters.size() >= limit) {
                break;
            }
            if (counts.containsKey(group) && counts.get(group).deadLetters() > 0) {
                letters.addAll(deadLetters.letters(group, limit - letters.size()));
            }
        }
        return new DeadLettersStatus(total, summary, letters, total > letters.size());
    }

    /**
     * Retries every sequence of a processing group, each in its own transaction.
     *
     * @throws com.clinic.platform.application.access.AccessRefused unless an administrator asks
     * @throws Rejection.NotFound when no projection has that processing group
     * @throws Rejection.Conflict while a projection replay is in progress
     */
    public DeadLetterRetry retryDeadLetters(Actor requestedBy, String processingGroup) {
        access.requireRole(requestedBy, ProjectionOperation.ADMINISTER_PROJECTIONS);
        requireGroup(processingGroup);
        requireNoReplay();
        return retry(requestedBy, processingGroup, deadLetters.sequences(processingGroup));
    }

    /**
     * Retries one sequence (its identifier is the aggregate's) of a processing group.
     *
     * @throws com.clinic.platform.application.access.AccessRefused unless an administrator asks
     * @throws Rejection.NotFound for an unknown group, or a sequence that has no dead letters in it
     * @throws Rejection.Conflict while a projection replay is in progress
     */
    public DeadLetterRetry retryDeadLetterSequence(Actor requestedBy, String processingGroup, String sequenceId) {
        access.requireRole(requestedBy, ProjectionOperation.ADMINISTER_PROJECTIONS);
        requireGroup(processingGroup);
        if (deadLetters.letters(processingGroup, sequenceId) == 0) {
            throw new Rejection.NotFound("dead-letters.unknown-sequence", processingGroup, sequenceId);
        }
        requireNoReplay();
        return retry(requestedBy, processingGroup, List.of(sequenceId));
    }

    /** One sequence at a time, each in its own transaction: one that fails again does not undo the others. */
    private DeadLetterRetry retry(Actor requestedBy, String processingGroup, List<String> sequences) {
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
            if (deadLetters.retry(processingGroup, sequence)) {
                applied++;
            }
        }
        DeadLettersStatus.Group left = deadLetters.counts().get(processingGroup);
        long remaining = left == null ? 0 : left.deadLetters();
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

    private void requireGroup(String processingGroup) {
        if (!deadLetters.groups().contains(processingGroup)) {
            throw new Rejection.NotFound("dead-letters.unknown-group", processingGroup);
        }
    }

    /** A replay clears and rebuilds read models; a retry meanwhile would write into one half rebuilt. */
    private void requireNoReplay() {
        if (processors.replayInProgress()) {
            throw new Rejection.Conflict("dead-letters.replay-in-progress");
        }
    }
}
