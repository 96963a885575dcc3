package com.clinic.identity.application.port;

/**
 * Port: a slow, salted, memory-hard password hash (Argon2id); the hash string carries its parameters.
 *
 * <p>Hashes are rationed (ADR 0013): a {@code priority} from 0 to 101 orders the queued ones, so a
 * client with recent failures waits behind one without, and both behind a known device; when the
 * queue is full the lowest is refused.
 */
public interface PasswordHasher {

    /** For callers that are not rationed against each other (an administrator's action, a staff activation). */
    int FIRST = 100;

    /** A sign-in that presents a valid device token of its login: ahead of every client not met before. */
    int KNOWN_DEVICE = 101;

    String hash(String password, int priority);

    boolean matches(String password, String hash, int priority);

    default String hash(String password) {
        return hash(password, FIRST);
    }

    default boolean matches(String password, String hash) {
        return matches(password, hash, FIRST);
    }
}
