package com.clinic.notifications.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a message is for. {@code subjectId} is whose key seals the message's content: the patient's
 * for a patient (erasing the patient shreds their messages too), the account's otherwise. Addresses
 * (devices, e-mail, phone) are looked up when the message is sent and never stored with it.
 */
public record Recipient(UUID subjectId, Optional<UUID> userId, Optional<UUID> patientId) {

    public Recipient {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(patientId, "patientId");
    }

    public static Recipient patient(UUID patientId, Optional<UUID> userId) {
        return new Recipient(patientId, userId, Optional.of(patientId));
    }

    public static Recipient account(UUID userId) {
        return new Recipient(userId, Optional.of(userId), Optional.empty());
    }
}
