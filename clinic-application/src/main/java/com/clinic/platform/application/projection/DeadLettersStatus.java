package com.clinic.platform.application.projection;

import java.util.List;

/**
 * Dead letters, counted per processing group and listed up to a limit.
 *
 * @param total dead letters in the groups asked for
 * @param groups every projection's processing group (or the one asked for), with its counts
 * @param letters the letters, at most the limit asked for, sequence after sequence
 * @param truncated whether more letters exist than are listed
 */
public record DeadLettersStatus(long total, List<Group> groups, List<DeadLetteredEvent> letters, boolean truncated) {

    /**
     * One projection's processing group.
     *
     * @param deadLetters letters in its queue
     * @param sequences aggregates whose events are parked
     */
    public record Group(String processingGroup, long deadLetters, long sequences) {}
}
