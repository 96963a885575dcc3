package com.clinic.identity.application.port;

/** Port: a slow, salted, memory-hard password hash (Argon2id); the hash string carries its parameters. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
