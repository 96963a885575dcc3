package com.clinic.scheduling.domain.availability;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** A bookable slot: real time (UTC) and the branch's wall-clock time, with the places still free. */
public record Slot(UUID doctorId, UUID branchId, TimeRange range, ZoneId zone, int remainingCapacity) {

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(range.start(), zone);
    }

    public LocalDateTime localEnd() {
        return LocalDateTime.ofInstant(range.end(), zone);
    }
}
