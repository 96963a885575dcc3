package com.clinic.platform.application.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one in-memory {@link SubjectKeyStore} of the tests (the PostgreSQL adapter has its own
 * integration test). It keeps the store's promises that the cryptography relies on: the first key
 * saved for a subject wins, and a deleted key leaves the subject shredded for good.
 */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {

    private final Map<UUID, WrappedKey> keys = new ConcurrentHashMap<>();
    private final Set<UUID> shredded = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<WrappedKey> find(UUID subjectId) {
        return Optional.ofNullable(keys.get(subjectId));
    }

    @Override
    public WrappedKey saveIfAbsent(UUID subjectId, WrappedKey key) {
        return keys.computeIfAbsent(subjectId, id -> key);
    }

    @Override
    public boolean delete(UUID subjectId) {
        shredded.add(subjectId);
        return keys.remove(subjectId) != null;
    }

    @Override
    public boolean isShredded(UUID subjectId) {
        return shredded.contains(subjectId);
    }
}
