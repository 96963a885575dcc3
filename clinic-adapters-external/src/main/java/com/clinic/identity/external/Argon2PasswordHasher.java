package com.clinic.identity.external;

import com.clinic.identity.application.port.PasswordHasher;
import com.clinic.platform.application.Overloaded;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with Spring Security's 5.8 defaults (16 MiB, 2 iterations, 16-byte salt). The encoded
 * hash carries its parameters, so raising them later still verifies every stored hash.
 *
 * <p>Each hash costs tens of milliseconds of pure CPU: under a burst of logins, as many hashes as
 * there are cores stall every other request on the machine (bench/findings.md #5). A bulkhead caps concurrent
 * hashes (by default half the cores) so logins queue among themselves; a login that cannot start
 * within {@code clinic.identity.password-hashing.max-wait} gets 503 instead of waiting forever.
 */
@Component
class Argon2PasswordHasher implements PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Semaphore permits;
    private final Duration maxWait;

    Argon2PasswordHasher(
            @Value("${clinic.identity.password-hashing.concurrency:0}") int concurrency,
            @Value("${clinic.identity.password-hashing.max-wait:PT5S}") Duration maxWait) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(concurrency > 0 ? concurrency : Math.max(1, cores / 2), true);
        this.maxWait = maxWait;
    }

    @Override
    public String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    @Override
    public boolean matches(String password, String hash) {
        return bounded(() -> encoder.matches(password, hash));
    }

    <T> T bounded(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Overloaded("password hashing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("password hashing");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
