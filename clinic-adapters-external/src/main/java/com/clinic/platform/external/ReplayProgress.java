package com.clinic.platform.external;

import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;

/** Where a streaming processor's segment stands in a replay, in terms Axon's own flags do not give. */
public final class ReplayProgress {

    private ReplayProgress() {}

    /**
     * Whether the segment is still re-processing events it had handled before its tokens were reset.
     * Axon's {@code isReplaying()} stays true after that, until an event newer than the reset arrives,
     * which on a quiet system may be never; this is false as soon as the reset position is reached.
     */
    public static boolean rebuilding(EventTrackerStatus status) {
        OptionalLong reset = status.getResetPosition();
        if (reset.isEmpty()) {
            return false;
        }
        return position(status) < reset.getAsLong();
    }

    /** The segment's global index, or -1 before it has seen any event. */
    public static long position(EventTrackerStatus status) {
        OptionalLong current = status.getTrackingToken() == null ? OptionalLong.empty() : status.getCurrentPosition();
        return current.orElse(-1);
    }
}
