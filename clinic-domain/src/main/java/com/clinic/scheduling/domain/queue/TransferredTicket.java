package com.clinic.scheduling.domain.queue;

import com.clinic.platform.domain.Ciphertext;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What travels with a patient to another doctor's queue: who they are (if known), their priority
 * and the time they are ordered by, so that a transfer never sends anyone to the back.
 */
public record TransferredTicket(
        UUID ticketId,
        Optional<UUID> patientId,
        Optional<UUID> appointmentId,
        Priority priority,
        Optional<Ciphertext> priorityReason,
        Instant effectiveAt) {

    public TransferredTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(priorityReason, "priorityReason");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }
}
