package com.clinic.notifications.external;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.EmailMessages.EmailMessage;
import com.clinic.notifications.application.port.PushMessages.PushMessage;
import com.clinic.notifications.application.port.SmsGateway.SmsMessage;
import com.clinic.testsupport.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The providers' token buckets in PostgreSQL: shared by every instance, and a send without a token is
 * {@link DeliveryOutcome.Throttled} before any call to the provider.
 */
@ExtendWith(BucketDatabase.class)
class ProviderRateLimitsTest {

    @RegisterExtension
    static final WireMockExtension provider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path folder;

    /** Standing still: "immediately" does not depend on how long the first send took on a busy machine. */
    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void aBucketOfOnePerSecondRefusesTheSecondImmediateTakeAndSaysHowLongToWait(DataSource database) {
        ProviderRateLimit limit = new ProviderRateLimits(database, clock).perSecond("sendgrid", 1);

        assertThat(limit.tryTake()).isEmpty();
        assertThat(limit.tryTake()).contains(Duration.ofSeconds(1));
    }

    @Test
    void aTokenIsBackOnceTheWaitItGaveHasPassed(DataSource database) {
        ProviderRateLimit limit = new ProviderRateLimits(database, clock).perSecond("fcm", 1);
        assertThat(limit.tryTake()).isEmpty();
        Duration wait = limit.tryTake().orElseThrow();

        clock.advance(wait);

        assertThat(limit.tryTake()).isEmpty();
    }

    @Test
    void aBucketThatCannotBeReadHoldsTheSendBackForASecond() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=1");

        assertThat(new ProviderRateLimits(unreachable, clock)
                        .perSecond("sendgrid", 10)
                        .tryTake())
                .contains(Duration.ofSeconds(1));
    }

    @Test
    void everyInstanceTakesFromTheSameBucket(DataSource database) {
        ProviderRateLimit first = new ProviderRateLimits(database, clock).perSecond("twilio", 2);
        ProviderRateLimit second = new ProviderRateLimits(database, clock).perSecond("twilio", 2);

        assertThat(first.tryTake()).isEmpty();
        assertThat(second.tryTake()).isEmpty();
        assertThat(first.tryTake()).isPresent();
        assertThat(second.tryTake()).isPresent();
    }

    @Test
    void eachProviderHasABucketOfItsOwn(DataSource database) {
        ProviderRateLimits limits = new ProviderRateLimits(database, clock);
        ProviderRateLimit sendGrid = limits.perSecond("sendgrid", 1);
        ProviderRateLimit fcm = limits.perSecond("fcm", 1);

        assertThat(sendGrid.tryTake()).isEmpty();
        assertThat(fcm.tryTake()).isEmpty();
    }

    @Test
    void aSecondImmediateEmailIsThrottledWithoutCallingSendGrid(DataSource database) throws IOException {
        provider.stubFor(
                post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "m")));
        try (SendGridEmailMessages email = new SendGridEmailMessages(
                Channels.email(Optional.of(Channels.API_KEY), provider.baseUrl(), 1),
                new ProviderRateLimits(database, clock).perSecond("sendgrid", 1),
                Clock.systemUTC())) {
            EmailMessage message = new EmailMessage(
                    "k", "patient@example.org", "s", "<p>h</p>", "t", "en", Map.of(), Optional.empty());

            assertThat(email.send(message)).isInstanceOf(DeliveryOutcome.Accepted.class);
            assertThat(email.send(message)).isInstanceOfSatisfying(DeliveryOutcome.Throttled.class, throttled -> {
                assertThat(throttled.provider()).isEqualTo("sendgrid");
                assertThat(throttled.retryAfter()).isPositive();
            });
        }
        provider.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSecondImmediateTextIsThrottledWithoutCallingTwilio(DataSource database) throws IOException {
        provider.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM1\", \"status\": \"queued\"}")));
        try (TwilioSmsGateway sms = new TwilioSmsGateway(
                Channels.sms(
                        Optional.of(Channels.ACCOUNT_SID), Optional.of(Channels.AUTH_TOKEN), provider.baseUrl(), 1),
                new ProviderRateLimits(database, clock).perSecond("twilio", 1))) {
            SmsMessage message = new SmsMessage("k", "+201001234567", "hello", Optional.empty());

            assertThat(sms.send(message)).isInstanceOf(DeliveryOutcome.Accepted.class);
            assertThat(sms.send(message))
                    .isInstanceOfSatisfying(
                            DeliveryOutcome.Throttled.class,
                            throttled -> assertThat(throttled.provider()).isEqualTo("twilio"));
        }
        provider.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSecondImmediatePushIsThrottledWithoutCallingFcm(DataSource database)
            throws IOException, GeneralSecurityException {
        provider.stubFor(post("/token")
                .willReturn(okJson("{\"access_token\": \"a\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        provider.stubFor(post("/v1/projects/clinic-test/messages:send")
                .willReturn(okJson("{\"name\": \"projects/clinic-test/messages/1\"}")));
        try (FcmPushMessages push = new FcmPushMessages(
                Channels.push(Optional.of(serviceAccount()), provider.baseUrl(), 1),
                new ProviderRateLimits(database, clock).perSecond("fcm", 1),
                Clock.systemUTC())) {
            PushMessage message = new PushMessage("k", "device", "t", "b", Map.of(), false);

            assertThat(push.send(message)).isInstanceOf(DeliveryOutcome.Accepted.class);
            assertThat(push.send(message))
                    .isInstanceOfSatisfying(
                            DeliveryOutcome.Throttled.class,
                            throttled -> assertThat(throttled.provider()).isEqualTo("fcm"));
        }
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/projects/clinic-test/messages:send")));
    }

    @Test
    void anUnavailableChannelTakesNoToken(DataSource database) throws IOException {
        ProviderRateLimit limit = new ProviderRateLimits(database, clock).perSecond("sendgrid", 1);
        try (SendGridEmailMessages email = new SendGridEmailMessages(
                Channels.email(Optional.empty(), provider.baseUrl(), 1), limit, Clock.systemUTC())) {
            EmailMessage message = new EmailMessage(
                    "k", "patient@example.org", "s", "<p>h</p>", "t", "en", Map.of(), Optional.empty());

            assertThat(email.send(message)).isInstanceOf(DeliveryOutcome.Rejected.class);
        }

        assertThat(limit.tryTake()).isEmpty();
    }

    private Path serviceAccount() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        Path file = folder.resolve("service-account.json");
        Files.writeString(
                file,
                ("{\"type\": \"service_account\", \"project_id\": \"clinic-test\", \"private_key_id\": \"k\","
                                + " \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n\","
                                + " \"client_email\": \"push@clinic-test.iam.gserviceaccount.com\", \"client_id\": \"1\","
                                + " \"token_uri\": \"https://oauth2.googleapis.com/token\"}")
                        .formatted(key),
                StandardCharsets.UTF_8);
        return file;
    }
}
