package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.domain.availability.Slot;
import java.util.List;

/** Free slots, computed on demand from schedules minus claimed time; never pre-generated rows. */
public interface SlotSearch {

    /** Slots in ascending start time across the matching doctors, at most {@code query.limit()}. */
    List<Slot> search(SlotQuery query);

    /** Whether one exact slot is free right now for the type (used to re-offer freed time). */
    boolean isFree(
            java.util.UUID doctorId,
            java.util.UUID branchId,
            java.util.UUID appointmentTypeId,
            java.time.Instant start);
}
