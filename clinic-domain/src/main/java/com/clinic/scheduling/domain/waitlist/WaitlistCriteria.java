package com.clinic.scheduling.domain.waitlist;

import com.clinic.platform.domain.Rejection;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a waiting patient is waiting for: one doctor, or any doctor of a specialty, at one branch;
 * one appointment type; a window of branch-local dates (inclusive); and, optionally, the times of day
 * an appointment may start (empty means any time).
 *
 * <p>Only structural invariants are checked here, because events carry this record and must always
 * deserialize; policies that may change (how long a window may be) are the decider's.
 */
public record WaitlistCriteria(
        Optional<UUID> doctorId,
        Optional<String> specialty,
        UUID branchId,
        UUID appointmentTypeId,
        LocalDate from,
        LocalDate to,
        List<TimeOfDayRange> timesOfDay) {

    public WaitlistCriteria {
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(appointmentTypeId, "appointmentTypeId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        timesOfDay = List.copyOf(timesOfDay);
        if (doctorId.isPresent() == specialty.isPresent()) {
            throw new Rejection.RuleViolated("waitlist.doctor-or-specialty");
        }
        if (specialty.isPresent() && specialty.get().isBlank()) {
            throw new Rejection.RuleViolated("waitlist.doctor-or-specialty");
        }
        if (to.isBefore(from)) {
            throw new Rejection.RuleViolated("waitlist.window-invalid", from, to);
        }
    }

    public static WaitlistCriteria forDoctor(
            UUID doctorId,
            UUID branchId,
            UUID appointmentTypeId,
            LocalDate from,
            LocalDate to,
            List<TimeOfDayRange> timesOfDay) {
        return new WaitlistCriteria(
                Optional.of(doctorId), Optional.empty(), branchId, appointmentTypeId, from, to, timesOfDay);
    }

    public static WaitlistCriteria forSpecialty(
            String specialty,
            UUID branchId,
            UUID appointmentTypeId,
            LocalDate from,
            LocalDate to,
            List<TimeOfDayRange> timesOfDay) {
        return new WaitlistCriteria(
                Optional.empty(), Optional.of(specialty), branchId, appointmentTypeId, from, to, timesOfDay);
    }
}
