package com.clinic.identity.persistence;

import com.clinic.identity.application.port.CredentialStore.NewCredential;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Credentials as identity stores them: login indexes and encrypted values are opaque strings here. */
final class Credentials {

    static final Instant CREATED = Instant.parse("2026-03-01T08:15:30.123456Z");

    private Credentials() {}

    static NewCredential patient(UUID userId, String emailIndex) {
        return new NewCredential(
                userId,
                Optional.of("k1:email-" + emailIndex),
                Optional.of(emailIndex),
                Optional.empty(),
                Optional.empty(),
                Optional.of("$argon2id$hash-" + userId),
                Role.PATIENT,
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.empty(),
                CREATED);
    }

    static NewCredential invitedStaff(UUID userId, String phoneIndex, Role role, UUID clinicId, UUID branchId) {
        return new NewCredential(
                userId,
                Optional.empty(),
                Optional.empty(),
                Optional.of("k1:phone-" + phoneIndex),
                Optional.of(phoneIndex),
                Optional.empty(),
                role,
                Optional.of(clinicId),
                Optional.of(branchId),
                false,
                Optional.of("activation-" + userId),
                Optional.of(CREATED.plusSeconds(72 * 3600)),
                CREATED);
    }
}
