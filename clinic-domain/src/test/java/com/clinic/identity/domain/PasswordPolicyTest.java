package com.clinic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Rejection;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongMixedPasswordIsAccepted() {
        assertThatCode(() -> PasswordPolicy.check("Correct-horse-7", "ann@example.org"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("كلمة-سر-طويلة-1")).doesNotThrowAnyException();
    }

    @Test
    void shortOrSingleClassOrLoginContainingPasswordsAreRefused() {
        for (String weak :
                new String[] {"Short-1", "abcdefghijklmno", "12345678901234", "          ", "x".repeat(129) + "1"}) {
            assertThatThrownBy(() -> PasswordPolicy.check(weak))
                    .as(weak)
                    .isInstanceOfSatisfying(Rejection.RuleViolated.class, r -> assertThat(r.code())
                            .isEqualTo("account.password-too-weak"));
        }
        assertThatThrownBy(() -> PasswordPolicy.check("x1ANN@example.org", "ann@example.org"))
                .isInstanceOf(Rejection.RuleViolated.class);
        assertThatThrownBy(() -> PasswordPolicy.check(null)).isInstanceOf(Rejection.RuleViolated.class);
    }

    @Test
    void commandsForAnAccountThatDoesNotExistAreNotFound() {
        UserAccountDecider decider = new UserAccountDecider();
        assertThatThrownBy(() -> decider.decide(
                        new UserAccountCommand.DisableAccount(UUID.randomUUID(), Instant.EPOCH),
                        decider.initialState()))
                .isInstanceOfSatisfying(
                        Rejection.NotFound.class, r -> assertThat(r.code()).isEqualTo("account.not-found"));
    }
}
