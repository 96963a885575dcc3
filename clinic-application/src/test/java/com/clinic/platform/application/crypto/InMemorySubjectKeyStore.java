package com.clinic.platform.application.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A port fake for unit-testing the cryptography alone; the PostgreSQL adapter has its own integration test. */
final class InMemorySubjectKeyStore implements SubjectKeyStore {

    final Map<UUID, WrappedKey> keys = new ConcurrentHashMap<>();
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
