package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.domain.availability.Slot;
import com.clinic.scheduling.domain.availability.SlotVerdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Free slots, computed on demand from schedules minus claimed time; never pre-generated rows. */
public interface SlotSearch {

    /** Slots in ascending start time across the matching doctors, at most {@code query.limit()}. */
    List<Slot> search(SlotQuery query);

    /**
     * What booking the type at exactly this start with this doctor at this branch would meet right
     * now, judged on the same grid and claims as {@link #search}.
     */
    SlotVerdict availability(UUID doctorId, UUID branchId, UUID appointmentTypeId, Instant start);

    /** Whether one exact slot is free right now for the type (used to re-offer freed time). */
    default boolean isFree(UUID doctorId, UUID branchId, UUID appointmentTypeId, Instant start) {
        return availability(doctorId, branchId, appointmentTypeId, start) == SlotVerdict.FREE;
    }
}
