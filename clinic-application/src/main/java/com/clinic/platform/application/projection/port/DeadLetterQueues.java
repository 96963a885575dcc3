package com.clinic.platform.application.projection.port;

import com.clinic.platform.application.projection.DeadLetteredEvent;
import com.clinic.platform.application.projection.DeadLettersStatus;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Port: the projections' dead-letter queues, one per processing group, each letter in the sequence of
 * its aggregate (ADR 0016), and the retry of one sequence with the projection's own handlers.
 */
public interface DeadLetterQueues {

    /** The processing groups that have a queue: every projection's. */
    SortedSet<String> groups();

    /** Letters and sequences per processing group, read now; groups without letters are left out. */
    Map<String, DeadLettersStatus.Group> counts();

    /** Up to {@code limit} letters of the group, sequence after sequence, each from its first letter. */
    List<DeadLetteredEvent> letters(String processingGroup, int limit);

    /** The group's sequences (aggregate identifiers), the one touched longest ago first. */
    List<String> sequences(String processingGroup);

    /** How many letters wait in one sequence of the group. */
    long letters(String processingGroup, String sequenceId);

    /**
     * Applies one sequence from its first letter, in its own transaction, and stops at the first letter
     * that fails again (which stays, with its new cause).
     *
     * @return whether every letter of the sequence was applied and removed
     */
    boolean retry(String processingGroup, String sequenceId);
}
