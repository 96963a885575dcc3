package com.clinic.scheduling.domain.waitlist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Whether a freed slot is what a waiting patient asked for. */
public final class WaitlistMatcher {

    /**
     * A slot that became free: the doctor (with their specialties), the branch, the appointment type
     * it would be booked as, and its start in the branch's wall-clock time.
     */
    public record FreedSlot(
            UUID doctorId,
            UUID branchId,
            Set<String> doctorSpecialties,
            UUID appointmentTypeId,
            LocalDateTime localStart) {

        public FreedSlot {
            Objects.requireNonNull(doctorId, "doctorId");
            Objects.requireNonNull(branchId, "branchId");
            Objects.requireNonNull(appointmentTypeId, "appointmentTypeId");
            Objects.requireNonNull(localStart, "localStart");
            doctorSpecialties = Set.copyOf(doctorSpecialties);
        }
    }

    private WaitlistMatcher() {}

    public static boolean matches(WaitlistCriteria criteria, FreedSlot slot) {
        return criteria.branchId().equals(slot.branchId())
                && criteria.appointmentTypeId().equals(slot.appointmentTypeId())
                && criteria.doctorId().map(slot.doctorId()::equals).orElse(true)
                && criteria.specialty().map(slot.doctorSpecialties()::contains).orElse(true)
                && withinWindow(criteria, slot.localStart().toLocalDate())
                && atPreferredTime(criteria, slot.localStart());
    }

    private static boolean withinWindow(WaitlistCriteria criteria, LocalDate date) {
        return !date.isBefore(criteria.from()) && !date.isAfter(criteria.to());
    }

    private static boolean atPreferredTime(WaitlistCriteria criteria, LocalDateTime start) {
        return criteria.timesOfDay().isEmpty()
                || criteria.timesOfDay().stream().anyMatch(range -> range.contains(start.toLocalTime()));
    }
}
