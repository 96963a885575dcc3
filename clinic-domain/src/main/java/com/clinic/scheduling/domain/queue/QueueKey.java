package com.clinic.scheduling.domain.queue;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Which queue: one doctor, at one branch, on one local day of that branch. */
public record QueueKey(UUID doctorId, UUID branchId, LocalDate date) {

    public QueueKey {
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(date, "date");
    }

    /** The same branch and day, another doctor: where a transferred patient goes. */
    public QueueKey forDoctor(UUID otherDoctorId) {
        return new QueueKey(otherDoctorId, branchId, date);
    }
}
