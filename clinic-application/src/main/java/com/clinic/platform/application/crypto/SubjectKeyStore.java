package com.clinic.platform.application.crypto;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: the per-subject (per-patient, per-user) data keys, stored wrapped by a master key. Deleting
 * a subject's key is what erases them: every ciphertext made with it, in events too, becomes noise.
 */
public interface SubjectKeyStore {

    record WrappedKey(String masterKeyId, byte[] wrapped) {}

    Optional<WrappedKey> find(UUID subjectId);

    /** Stores the key unless one exists already; returns the one that is stored afterwards. */
    WrappedKey saveIfAbsent(UUID subjectId, WrappedKey key);

    /** Deletes the subject's key; true if there was one. */
    boolean delete(UUID subjectId);

    /** Whether the subject once had a key that was deleted (as opposed to never having had one). */
    boolean isShredded(UUID subjectId);
}
