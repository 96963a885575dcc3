package com.clinic.scheduling.rest.waitlist;

import com.clinic.scheduling.application.waitlist.WaitlistService.Joined;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A waiting-list entry. {@code position} is 1 for the next patient of the same queue (doctor, or
 * specialty, at the branch), null once closed; {@code offer} is the slot held for the patient now.
 * The descriptions go into the OpenAPI document, where clients read what the numbers mean.
 */
record WaitlistEntryResponse(
        UUID entryId,
        UUID patientId,
        UUID clinicId,
        UUID branchId,
        UUID doctorId,
        String specialty,
        UUID appointmentTypeId,
        LocalDate from,
        LocalDate to,
        List<TimeOfDay> timesOfDay,
        Urgency urgency,
        Instant joinedAt,
        WaitlistEntryStatus status,
        @Schema(
                        description = "The entry's place among the open (waiting or offered) entries of its queue:"
                                + " the same doctor, or the same specialty, at the branch; 1 is first in line."
                                + " Ranked by urgency, then time of joining. Counted from"
                                + " the waiting-list read model when the entry is read (or joined); null once the"
                                + " entry is closed.",
                        nullable = true,
                        minimum = "1")
                Integer position,
        @Schema(description = "The slot held for the patient now, while the entry is OFFERED; otherwise null.")
                Offer offer,
        UUID appointmentId,
        Instant closedAt) {

    record TimeOfDay(LocalTime from, LocalTime to) {}

    record Offer(UUID appointmentId, UUID doctorId, Instant start, Instant end, Instant expiresAt) {}

    static WaitlistEntryResponse of(WaitlistEntryView view) {
        return new WaitlistEntryResponse(
                view.entryId(),
                view.patientId(),
                view.clinicId(),
                view.branchId(),
                view.doctorId().orElse(null),
                view.specialty().orElse(null),
                view.appointmentTypeId(),
                view.from(),
                view.to(),
                times(view.timesOfDay()),
                view.urgency(),
                view.joinedAt(),
                view.status(),
                view.position().orElse(null),
                view.offer()
                        .map(o -> new Offer(o.appointmentId(), o.doctorId(), o.start(), o.end(), o.expiresAt()))
                        .orElse(null),
                view.appointmentId().orElse(null),
                view.closedAt().orElse(null));
    }

    /** Right after joining: the position is counted against the read model's open entries at that moment. */
    static WaitlistEntryResponse joined(Joined joined) {
        return new WaitlistEntryResponse(
                joined.entryId(),
                joined.patientId(),
                joined.clinicId(),
                joined.criteria().branchId(),
                joined.criteria().doctorId().orElse(null),
                joined.criteria().specialty().orElse(null),
                joined.criteria().appointmentTypeId(),
                joined.criteria().from(),
                joined.criteria().to(),
                times(joined.criteria().timesOfDay()),
                joined.urgency(),
                joined.joinedAt(),
                WaitlistEntryStatus.WAITING,
                joined.position(),
                null,
                null,
                null);
    }

    private static List<TimeOfDay> times(List<TimeOfDayRange> ranges) {
        return ranges.stream().map(r -> new TimeOfDay(r.from(), r.to())).toList();
    }
}
