package com.clinic.scheduling.rest.appointment;

import com.clinic.scheduling.application.appointment.SlotChoice;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request bodies of the appointment endpoints. */
final class AppointmentRequests {

    private AppointmentRequests() {}

    /** A slot as returned by slot search: doctor, branch, type and start instant (UTC). */
    record Slot(
            @NotNull UUID doctorId, @NotNull UUID branchId, @NotNull UUID appointmentTypeId, @NotNull Instant start) {
        SlotChoice toChoice() {
            return new SlotChoice(doctorId, branchId, appointmentTypeId, start);
        }
    }

    /** {@code patientId} is required for staff and may be omitted by a patient booking for themself. */
    record Book(UUID patientId, @NotNull @Valid Slot slot) {}

    record Series(UUID patientId, @NotNull @Valid Slot first, @Min(2) @Max(52) int occurrences) {}

    record Reschedule(@NotNull @Valid Slot slot) {}

    record Cancel(@NotNull CancellationReason reason, @Size(max = 500) String note) {}
}
