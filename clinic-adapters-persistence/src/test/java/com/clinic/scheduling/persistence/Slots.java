package com.clinic.scheduling.persistence;

import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.availability.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Where and when appointments take place, as the scheduling events carry it. */
public final class Slots {

    private final UUID clinicId;
    private final UUID branchId;
    private final UUID appointmentTypeId;

    public Slots(UUID clinicId, UUID branchId, UUID appointmentTypeId) {
        this.clinicId = clinicId;
        this.branchId = branchId;
        this.appointmentTypeId = appointmentTypeId;
    }

    public static Slots anywhere() {
        return new Slots(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }

    public UUID clinicId() {
        return clinicId;
    }

    public UUID branchId() {
        return branchId;
    }

    /** A {@code minutes}-long appointment without buffers, for one patient at a time. */
    public AppointmentSlot slot(UUID doctorId, Instant start, int minutes) {
        return slot(doctorId, start, minutes, Duration.ZERO, Duration.ZERO, 1);
    }

    public AppointmentSlot slot(
            UUID doctorId, Instant start, int minutes, Duration bufferBefore, Duration bufferAfter, int capacity) {
        TimeRange time = new TimeRange(start, start.plus(Duration.ofMinutes(minutes)));
        return new AppointmentSlot(
                clinicId,
                branchId,
                doctorId,
                appointmentTypeId,
                time,
                time.widen(bufferBefore, bufferAfter),
                false,
                capacity);
    }
}
