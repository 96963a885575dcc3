package com.clinic.notifications.external;

import com.clinic.notifications.application.EmailSettings;
import com.clinic.notifications.application.PushSettings;
import com.clinic.notifications.application.SmsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the channels as the tests use them: pointed at a local fake, every key given. */
final class Channels {

    /** A rate limit that always has a token, for the tests that are not about the limit. */
    static final ProviderRateLimit UNLIMITED = Optional::empty;

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String AUTH_TOKEN = "twilio-auth-token";
    static final String FROM_NUMBER = "+15005550006";
    static final String API_KEY = "SG.test-key";

    private Channels() {}

    static PushSettings push(Optional<Path> credentialsFile, String baseUrl, int ratePerSecond) {
        return new PushSettings(
                true,
                credentialsFile,
                Optional.empty(),
                Optional.of(URI.create(baseUrl)),
                ratePerSecond,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    static EmailSettings email(Optional<String> apiKey, String baseUrl, int ratePerSecond) {
        return new EmailSettings(
                true,
                apiKey,
                Optional.of("clinic@example.org"),
                "The Clinic",
                List.of("notification"),
                Optional.empty(),
                Duration.ofMinutes(5),
                Optional.of(URI.create(baseUrl)),
                ratePerSecond,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    static EmailSettings emailWebhook(Optional<String> publicKey) {
        return new EmailSettings(
                true,
                Optional.empty(),
                Optional.empty(),
                "",
                List.of(),
                publicKey,
                Duration.ofMinutes(5),
                Optional.empty(),
                1,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    static SmsSettings sms(Optional<String> accountSid, Optional<String> authToken, String baseUrl, int ratePerSecond) {
        return new SmsSettings(
                true,
                accountSid,
                authToken,
                Optional.of(FROM_NUMBER),
                Optional.empty(),
                Optional.of(URI.create(baseUrl)),
                ratePerSecond,
                Duration.ofSeconds(5));
    }
}
