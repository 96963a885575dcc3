package com.clinic.scheduling.persistence.waitlist;

import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.PatientJoinedWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistOffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Waiting-list entries as their events describe them. */
final class Waitlist {

    static final Instant T0 = Instant.parse("2026-06-01T08:00:00.000001Z");
    static final LocalDate FROM = LocalDate.of(2026, 6, 10);
    static final LocalDate TO = LocalDate.of(2026, 6, 20);
    static final List<TimeOfDayRange> MORNINGS_AND_LATE = List.of(
            new TimeOfDayRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new TimeOfDayRange(LocalTime.of(18, 0), LocalTime.MIDNIGHT));

    final UUID clinic = UUID.randomUUID();
    final UUID branch = UUID.randomUUID();
    final UUID type = UUID.randomUUID();

    WaitlistCriteria forDoctor(UUID doctor) {
        return WaitlistCriteria.forDoctor(doctor, branch, type, FROM, TO, MORNINGS_AND_LATE);
    }

    WaitlistCriteria forSpecialty(String specialty) {
        return WaitlistCriteria.forSpecialty(specialty, branch, type, FROM, TO, List.of());
    }

    PatientJoinedWaitlist joined(UUID entry, UUID patient, WaitlistCriteria criteria, Urgency urgency, Instant at) {
        return new PatientJoinedWaitlist(
                entry, patient, clinic, criteria, urgency, at.plusSeconds(30 * 86_400), patient, at);
    }

    WaitlistOffer offer(UUID doctor) {
        return new WaitlistOffer(
                UUID.randomUUID(),
                doctor,
                branch,
                type,
                Instant.parse("2026-06-12T06:00:00Z"),
                Instant.parse("2026-06-12T06:30:00Z"),
                T0.plusSeconds(3600),
                List.of());
    }

    /** UUIDs PostgreSQL and the test order alike (by their bytes). */
    static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }
}
