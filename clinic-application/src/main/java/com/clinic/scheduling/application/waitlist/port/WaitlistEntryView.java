package com.clinic.scheduling.application.waitlist.port;

import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One waiting-list entry. {@code position} is its place (1 = next) among the open entries waiting
 * for the same doctor, or the same specialty, at the branch; empty once the entry is closed.
 */
public record WaitlistEntryView(
        UUID entryId,
        UUID patientId,
        UUID clinicId,
        UUID branchId,
        Optional<UUID> doctorId,
        Optional<String> specialty,
        UUID appointmentTypeId,
        LocalDate from,
        LocalDate to,
        List<TimeOfDayRange> timesOfDay,
        Urgency urgency,
        Instant joinedAt,
        WaitlistEntryStatus status,
        Optional<Integer> position,
        Optional<OfferView> offer,
        Optional<UUID> appointmentId,
        Optional<Instant> closedAt,
        long version) {

    /** The slot currently held for the patient. */
    public record OfferView(UUID appointmentId, UUID doctorId, Instant start, Instant end, Instant expiresAt) {}
}
