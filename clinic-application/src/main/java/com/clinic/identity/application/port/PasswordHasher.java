package com.clinic.identity.application.port;

/**
 * Port: a slow, salted, memory-hard password hash (Argon2id); the hash string carries its parameters.
 *
 * <p>Hashes are rationed (ADR 0013): a {@code priority} from 0 to 100 orders the queued ones, so a
 * client with recent failures waits behind one without; when the queue is full the lowest is refused.
 */
public interface PasswordHasher {

    /** For callers that are not rationed against each other (an administrator's action, a staff activation). */
    int FIRST = 100;

    String hash(String password, int priority);

    boolean matches(String password, String hash, int priority);

    default String hash(String password) {
        return hash(password, FIRST);
    }

    default boolean matches(String password, String hash) {
        return matches(password, hash, FIRST);
    }
}
