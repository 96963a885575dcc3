package com.clinic.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.application.BootstrapAdministrator;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class BootstrapAdministratorTest {

    @Autowired
    BootstrapAdministrator administrator;

    @Test
    void startingAgainCreatesNoSecondAdministrator() {
        assertThat(administrator.ensure(Sessions.ADMIN_EMAIL, Sessions.ADMIN_PASSWORD))
                .isFalse();
        assertThat(administrator.ensure(Sessions.ADMIN_EMAIL.toUpperCase(), "Another-Passw0rd!"))
                .isFalse();
    }

    @Test
    void instancesStartingTogetherCreateOneAdministrator() {
        String email = "root-" + UUID.randomUUID() + "@clinic.test";

        var first = CompletableFuture.supplyAsync(() -> ensureQuietly(email));
        var second = CompletableFuture.supplyAsync(() -> ensureQuietly(email));

        assertThat(first.join() ^ second.join()).isTrue();
    }

    /** The loser of the race may either see the row (false) or lose on the unique index (also false). */
    private boolean ensureQuietly(String email) {
        try {
            return administrator.ensure(email, "Root-Passw0rd!2026");
        } catch (RuntimeException lostTheRace) {
            return false;
        }
    }
}
