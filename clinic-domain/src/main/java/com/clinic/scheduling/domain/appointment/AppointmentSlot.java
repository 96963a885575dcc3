package com.clinic.scheduling.domain.appointment;

import com.clinic.scheduling.domain.availability.TimeRange;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and when an appointment takes place: doctor, branch, type, the appointment's own time and
 * the wider time it blocks (its buffers), whether it is held by video, and how many patients the
 * type lets share the time ({@code capacity}, frozen at booking so later type edits don't move it).
 */
public record AppointmentSlot(
        UUID clinicId,
        UUID branchId,
        UUID doctorId,
        UUID appointmentTypeId,
        TimeRange time,
        TimeRange blocked,
        boolean virtual,
        int capacity) {

    public AppointmentSlot {
        Objects.requireNonNull(clinicId, "clinicId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(appointmentTypeId, "appointmentTypeId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(blocked, "blocked");
        if (!blocked.contains(time)) {
            throw new IllegalArgumentException("the blocked time must contain the appointment time");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
    }
}
