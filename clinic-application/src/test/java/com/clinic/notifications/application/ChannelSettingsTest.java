package com.clinic.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The channels' settings: a missing key is a state the adapters report, a wrong value stops the start. */
class ChannelSettingsTest {

    private static EmailSettings email(Optional<String> apiKey, Optional<URI> baseUrl, List<String> categories) {
        return new EmailSettings(
                true,
                apiKey,
                Optional.of("clinic@example.org"),
                " The Clinic ",
                categories,
                Optional.of(" "),
                Duration.ofMinutes(5),
                baseUrl,
                10,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    private static SmsSettings sms(Optional<String> authToken, int ratePerSecond) {
        return new SmsSettings(
                true,
                Optional.of("AC1"),
                authToken,
                Optional.of("+15005550006"),
                Optional.empty(),
                Optional.empty(),
                ratePerSecond,
                Duration.ofSeconds(5));
    }

    @Test
    void aBlankKeyIsNoKey() {
        EmailSettings settings = email(Optional.of("   "), Optional.empty(), List.of(" notification ", ""));

        assertThat(settings.apiKey()).isEmpty();
        assertThat(settings.webhookPublicKey()).isEmpty();
        assertThat(settings.fromName()).isEqualTo("The Clinic");
        assertThat(settings.categories()).containsExactly("notification");
    }

    @Test
    void theSecretsNeverShowInTheSettingsText() {
        assertThat(email(Optional.of("SG.secret-key"), Optional.empty(), List.of())
                        .toString())
                .doesNotContain("SG.secret-key")
                .contains("apiKey=(set)");
        assertThat(sms(Optional.of("twilio-secret-token"), 1).toString())
                .doesNotContain("twilio-secret-token")
                .contains("authToken=(set)");
    }

    @Test
    void aBaseUrlMustBeAnHttpHostAndNothingMore() {
        assertThat(email(Optional.empty(), Optional.of(URI.create("http://127.0.0.1:8089")), List.of())
                        .baseUrl())
                .contains(URI.create("http://127.0.0.1:8089"));
        for (String wrong : List.of("ftp://127.0.0.1", "http://127.0.0.1:8089/v3", "http://u:p@host", "/relative")) {
            assertThatThrownBy(() -> email(Optional.empty(), Optional.of(URI.create(wrong)), List.of()))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("clinic.notifications.email.base-url");
        }
    }

    @Test
    void aRateBelowOneAndMoreThanTenCategoriesStopTheStart() {
        assertThatThrownBy(() -> sms(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clinic.notifications.sms.rate-per-second");
        assertThatThrownBy(() -> email(
                        Optional.empty(),
                        Optional.empty(),
                        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("categories");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new PushSettings(
                        true,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        10,
                        Duration.ZERO,
                        Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clinic.notifications.push.connect-timeout");
    }
}
