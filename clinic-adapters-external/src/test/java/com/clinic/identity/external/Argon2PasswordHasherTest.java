package com.clinic.identity.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.identity.application.port.PasswordHasher;
import com.clinic.platform.application.Overloaded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher =
            new Argon2PasswordHasher(1, 16, Duration.ofMillis(200), new SimpleMeterRegistry());

    /** Holds the only permit until released, as a long hash would. */
    private static CompletableFuture<String> hashInProgress(Argon2PasswordHasher on, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> on.bounded(PasswordHasher.FIRST, () -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }));
        holding.await();
        return busy;
    }

    @Test
    void aStoredHashVerifiesItsOwnPasswordOnly() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void aLoginThatCannotStartWithinTheMaximumWaitIsRefusedAsOverloaded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = hashInProgress(hasher, release);

        assertThatThrownBy(() -> hasher.hash("secret")).isInstanceOf(Overloaded.class);
        assertThatThrownBy(() -> hasher.matches("secret", "$argon2id$whatever")).isInstanceOf(Overloaded.class);

        release.countDown();
        assertThat(busy.get()).isEqualTo("done");
        assertThat(hasher.hash("secret")).startsWith("$argon2id$");
    }

    @Test
    void aHashThatFailsGivesItsPermitBack() {
        assertThatThrownBy(() -> hasher.bounded(PasswordHasher.FIRST, () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(hasher.bounded(PasswordHasher.FIRST, () -> "next")).isEqualTo("next");
    }

    @Test
    void aCallerInterruptedWhileWaitingIsRefusedAndKeepsItsInterrupt() throws Exception {
        Argon2PasswordHasher patient =
                new Argon2PasswordHasher(1, 16, Duration.ofMinutes(1), new SimpleMeterRegistry());
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = hashInProgress(patient, release);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> patient.hash("secret")).isInstanceOf(Overloaded.class);
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            release.countDown();
        }
        assertThat(busy.get()).isEqualTo("done");
    }
}
