package com.clinic.identity.external;

import com.clinic.identity.application.IdentitySettings;
import com.clinic.identity.application.port.PasswordHasher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with Spring Security's 5.8 defaults (16 MiB, 2 iterations, 16-byte salt). The encoded
 * hash carries its parameters, so raising them later still verifies every stored hash.
 *
 * <p>Each hash costs tens of milliseconds of pure CPU: under a burst of logins, as many hashes as
 * there are cores stall every other request on the machine (bench/findings.md #5). Hashes run on a
 * pool of their own (by default half the cores) behind a short queue ordered by priority
 * ({@link HashingPool}, ADR 0013); a hash that is refused, or cannot start within {@code
 * clinic.identity.password-hashing.max-wait}, gets 503 instead of waiting forever.
 *
 * <p>Meters: {@code clinic.identity.password.hashing} times every hash that ran, {@code
 * clinic.identity.password.hashing.refused} counts the refused ones.
 */
@Component
class Argon2PasswordHasher implements PasswordHasher, AutoCloseable {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final HashingPool pool;
    private final Timer hashes;
    private final Counter knownDevices;

    @Autowired
    Argon2PasswordHasher(IdentitySettings settings, ObjectProvider<MeterRegistry> meters) {
        this(
                settings.passwordHashing().concurrency(),
                settings.passwordHashing().queue(),
                settings.passwordHashing().maxWait(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    Argon2PasswordHasher(int concurrency, int queue, Duration maxWait, MeterRegistry registry) {
        int cores = Runtime.getRuntime().availableProcessors();
        Counter refused = Counter.builder("clinic.identity.password.hashing.refused")
                .description("Password hashes refused: the queue was full of more urgent ones, or the wait too long")
                .register(registry);
        this.knownDevices = Counter.builder("clinic.identity.password.hashing.known.device")
                .description("Sign-in hashes ranked first because they came with a valid device token")
                .register(registry);
        this.hashes = Timer.builder("clinic.identity.password.hashing")
                .description("Argon2id hashes computed (registration, sign-in, password change)")
                .register(registry);
        this.pool = new HashingPool(
                concurrency > 0 ? concurrency : Math.max(1, cores / 2), queue, maxWait, refused::increment);
    }

    @Override
    public String hash(String password, int priority) {
        return bounded(priority, () -> encoder.encode(password));
    }

    @Override
    public boolean matches(String password, String hash, int priority) {
        return bounded(priority, () -> encoder.matches(password, hash));
    }

    <T> T bounded(int priority, Supplier<T> work) {
        if (priority == KNOWN_DEVICE) {
            knownDevices.increment();
        }
        return pool.run(priority, () -> hashes.record(work));
    }

    @Override
    public void close() {
        pool.close();
    }
}
