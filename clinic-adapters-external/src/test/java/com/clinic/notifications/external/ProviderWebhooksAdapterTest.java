package com.clinic.notifications.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.notifications.application.EmailSettings;
import com.clinic.notifications.application.SmsSettings;
import com.clinic.notifications.application.port.DeliveryReport;
import com.clinic.notifications.application.port.DeliveryReport.Status;
import com.clinic.notifications.application.port.ProviderWebhooks.BadSignature;
import com.clinic.notifications.domain.Channel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The providers' reports with real signatures, made here the way each provider makes them: SendGrid's
 * ECDSA P-256 over the timestamp and the raw body with a key pair of the test's own, Twilio's
 * HMAC-SHA1 of the URL and the sorted form parameters with the auth token.
 */
class ProviderWebhooksAdapterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final UUID NOTIFICATION = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");

    private static KeyPair sendGridKeys;

    private static KeyPair otherKeys;

    @BeforeAll
    static void keyPairs() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        sendGridKeys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private static String publicKey(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private static ProviderWebhooksAdapter adapter(Optional<String> sendGridKey, Optional<String> twilioToken) {
        EmailSettings email = Channels.emailWebhook(sendGridKey);
        SmsSettings sms = Channels.sms(Optional.of(Channels.ACCOUNT_SID), twilioToken, "http://127.0.0.1:1", 1);
        return new ProviderWebhooksAdapter(email, sms, CLOCK);
    }

    private static ProviderWebhooksAdapter adapter() {
        return adapter(Optional.of(publicKey(sendGridKeys)), Optional.of(Channels.AUTH_TOKEN));
    }

    @Nested
    class SendGridEvents {

        /** As SendGrid signs: SHA256withECDSA (ASN.1 DER) over the timestamp's bytes then the body's, base64. */
        private static String sign(KeyPair keys, String timestamp, byte[] body) throws GeneralSecurityException {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        }

        private static final String EVENTS =
                """
                [
                 {"email": "patient@example.org", "timestamp": 1772359100, "event": "processed",
                  "sg_message_id": "msg-1.filterdrecv-1", "notification_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427"},
                 {"email": "patient@example.org", "timestamp": 1772359150, "event": "deferred",
                  "sg_message_id": "msg-1.filterdrecv-1", "notification_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427"},
                 {"email": "patient@example.org", "timestamp": 1772359200, "event": "delivered",
                  "sg_message_id": "msg-1.filterdrecv-1", "notification_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                  "response": "250 OK"},
                 {"email": "gone@example.org", "timestamp": 1772359201, "event": "bounce", "type": "bounce",
                  "status": "5.1.1", "reason": "550 5.1.1 <gone@example.org>: user unknown",
                  "sg_message_id": "msg-2.filter-2", "notification_id": "not-a-uuid"},
                 {"email": "x@example.org", "timestamp": 1772359202, "event": "dropped", "reason": "Bounced Address",
                  "sg_message_id": "msg-3.filter-3"},
                 {"email": "annoyed@example.org", "timestamp": 1772359203, "event": "spamreport",
                  "sg_message_id": "msg-4.filter-4"},
                 {"email": "leaving@example.org", "timestamp": 1772359204, "event": "unsubscribe",
                  "sg_message_id": "msg-5.filter-5"},
                 {"email": "leaving@example.org", "timestamp": 1772359205, "event": "group_unsubscribe",
                  "asm_group_id": 12, "sg_message_id": "msg-6.filter-6"},
                 {"email": "back@example.org", "timestamp": 1772359206, "event": "group_resubscribe",
                  "asm_group_id": 12},
                 {"email": "patient@example.org", "timestamp": 1772359207, "event": "open"}
                ]
                """;

        @Test
        void eachEventOfASignedReportBecomesADeliveryReportAndTheStepsOnTheWayAreIgnored()
                throws GeneralSecurityException {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String timestamp = String.valueOf(NOW.getEpochSecond() - 30);

            List<DeliveryReport> reports = adapter().emailEvents(body, sign(sendGridKeys, timestamp, body), timestamp);

            assertThat(reports)
                    .extracting(DeliveryReport::status)
                    .containsExactly(
                            Status.DELIVERED,
                            Status.BOUNCED,
                            Status.DROPPED,
                            Status.SPAM_REPORTED,
                            Status.OPTED_OUT,
                            Status.OPTED_OUT,
                            Status.OPTED_IN);
            assertThat(reports.getFirst())
                    .isEqualTo(new DeliveryReport(
                            Channel.EMAIL,
                            "sendgrid",
                            Optional.of("msg-1"),
                            Optional.of(NOTIFICATION),
                            Status.DELIVERED,
                            "delivered",
                            Optional.empty(),
                            Instant.ofEpochSecond(1772359200)));
            DeliveryReport bounce = reports.get(1);
            assertThat(bounce.detail()).isEqualTo("bounce bounce 5.1.1").doesNotContain("gone@example.org");
            assertThat(bounce.notificationId()).isEmpty();
            assertThat(bounce.address()).isEmpty();
            assertThat(reports.get(2).detail()).isEqualTo("dropped Bounced Address");
            assertThat(reports.get(4).address()).contains("leaving@example.org");
            assertThat(reports.get(5).detail()).isEqualTo("group_unsubscribe 12");
            assertThat(reports.get(6).address()).contains("back@example.org");
        }

        @Test
        void aSignatureOfAnotherKeyIsRefused() throws GeneralSecurityException {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String timestamp = String.valueOf(NOW.getEpochSecond());

            assertThatThrownBy(() -> adapter().emailEvents(body, sign(otherKeys, timestamp, body), timestamp))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void aTamperedBodyIsRefused() throws GeneralSecurityException {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String timestamp = String.valueOf(NOW.getEpochSecond());
            String signature = sign(sendGridKeys, timestamp, body);
            byte[] tampered = EVENTS.replace("\"bounce\", \"type\"", "\"delivered\", \"type\"")
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> adapter().emailEvents(tampered, signature, timestamp))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void aSignatureMovedToAnotherTimestampIsRefused() throws GeneralSecurityException {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String signature = sign(sendGridKeys, String.valueOf(NOW.getEpochSecond() - 1), body);

            assertThatThrownBy(() -> adapter().emailEvents(body, signature, String.valueOf(NOW.getEpochSecond())))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void aCorrectlySignedReportOlderThanTheToleranceIsRefused() throws GeneralSecurityException {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String stale = String.valueOf(
                    NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond());

            assertThatThrownBy(() -> adapter().emailEvents(body, sign(sendGridKeys, stale, body), stale))
                    .isInstanceOf(BadSignature.class)
                    .hasMessageContaining("tolerance");
        }

        @Test
        void aReportJustWithinTheToleranceIsRead() throws GeneralSecurityException {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String edge = String.valueOf(NOW.minus(Duration.ofMinutes(5)).getEpochSecond());

            assertThat(adapter().emailEvents(body, sign(sendGridKeys, edge, body), edge))
                    .hasSize(7);
        }

        @Test
        void aSignatureThatIsNotBase64OrMissingIsRefused() {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String timestamp = String.valueOf(NOW.getEpochSecond());

            assertThatThrownBy(() -> adapter().emailEvents(body, "%%%not base64%%%", timestamp))
                    .isInstanceOf(BadSignature.class);
            assertThatThrownBy(() -> adapter().emailEvents(body, null, timestamp))
                    .isInstanceOf(BadSignature.class);
            assertThatThrownBy(() -> adapter().emailEvents(body, "c2ln", "yesterday"))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void withoutAVerificationKeyEveryReportIsRefused() throws GeneralSecurityException {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            String timestamp = String.valueOf(NOW.getEpochSecond());
            String signature = sign(sendGridKeys, timestamp, body);

            assertThatThrownBy(() -> adapter(Optional.empty(), Optional.of(Channels.AUTH_TOKEN))
                            .emailEvents(body, signature, timestamp))
                    .isInstanceOf(BadSignature.class);
            assertThatThrownBy(() -> adapter(Optional.of("bm90IGEga2V5"), Optional.of(Channels.AUTH_TOKEN))
                            .emailEvents(body, signature, timestamp))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void theMessageIdOfAnEventIsTheOneTheSendWasAnsweredWith() {
            assertThat(ProviderWebhooksAdapter.sendGridMessageId("14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0"))
                    .isEqualTo("14c5d75ce93.dfd.64b469");
            assertThat(ProviderWebhooksAdapter.sendGridMessageId("14c5d75ce93.dfd.64b469"))
                    .isEqualTo("14c5d75ce93.dfd.64b469");
        }
    }

    @Nested
    class TwilioCallbacks {

        private static final String CALLBACK =
                "https://clinic.example/webhooks/sms/status?notification=" + NOTIFICATION;

        private static final String INBOUND = "https://clinic.example/webhooks/sms/inbound";

        /** As Twilio signs: HMAC-SHA1 with the auth token over the URL and each parameter's name and value, sorted by name. */
        private static String sign(String authToken, String url, Map<String, String> parameters)
                throws GeneralSecurityException {
            StringBuilder data = new StringBuilder(url);
            new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        }

        private static Map<String, String> status(String messageStatus, String errorCode) {
            TreeMap<String, String> parameters = new TreeMap<>(Map.of(
                    "MessageSid",
                    "SM42",
                    "SmsSid",
                    "SM42",
                    "AccountSid",
                    Channels.ACCOUNT_SID,
                    "From",
                    Channels.FROM_NUMBER,
                    "To",
                    "+201001234567",
                    "MessageStatus",
                    messageStatus,
                    "SmsStatus",
                    messageStatus,
                    "ApiVersion",
                    "2010-04-01"));
            if (errorCode != null) {
                parameters.put("ErrorCode", errorCode);
            }
            return parameters;
        }

        private static Map<String, String> inbound(String body) {
            return Map.of(
                    "MessageSid",
                    "SM77",
                    "AccountSid",
                    Channels.ACCOUNT_SID,
                    "From",
                    "+201001234567",
                    "To",
                    Channels.FROM_NUMBER,
                    "Body",
                    body,
                    "NumMedia",
                    "0");
        }

        private static List<DeliveryReport> signed(String url, Map<String, String> parameters)
                throws GeneralSecurityException {
            return adapter().smsCallback(url, parameters, sign(Channels.AUTH_TOKEN, url, parameters));
        }

        @Test
        void aDeliveredCallbackReportsTheMessageOfTheNotificationInItsUrl() throws GeneralSecurityException {
            assertThat(signed(CALLBACK, status("delivered", null)))
                    .containsExactly(new DeliveryReport(
                            Channel.SMS,
                            "twilio",
                            Optional.of("SM42"),
                            Optional.of(NOTIFICATION),
                            Status.DELIVERED,
                            "delivered",
                            Optional.empty(),
                            NOW));
        }

        @Test
        void undeliveredAndFailedAreFailuresWithTwiliosErrorCode() throws GeneralSecurityException {
            assertThat(signed(CALLBACK, status("undelivered", "30003")))
                    .singleElement()
                    .satisfies(report -> {
                        assertThat(report.status()).isEqualTo(Status.FAILED);
                        assertThat(report.detail()).isEqualTo("undelivered 30003");
                    });
            assertThat(signed(CALLBACK, status("failed", "30008")))
                    .singleElement()
                    .extracting(DeliveryReport::status)
                    .isEqualTo(Status.FAILED);
        }

        @Test
        void aFailureBecauseTheRecipientRepliedStopIsTheirOptOut() throws GeneralSecurityException {
            assertThat(signed(CALLBACK, status("failed", "21610")))
                    .singleElement()
                    .satisfies(report -> {
                        assertThat(report.status()).isEqualTo(Status.OPTED_OUT);
                        assertThat(report.address()).contains("+201001234567");
                    });
        }

        @Test
        void theStepsOnTheWayReportNothing() throws GeneralSecurityException {
            assertThat(signed(CALLBACK, status("sent", null))).isEmpty();
            assertThat(signed(CALLBACK, status("queued", null))).isEmpty();
        }

        @Test
        void anInboundStopInAnyCaseIsAnOptOutOfItsSender() throws GeneralSecurityException {
            for (String word : List.of("STOP", " stop ", "StopAll", "UNSUBSCRIBE", "cancel", "END", "quit")) {
                assertThat(signed(INBOUND, inbound(word)))
                        .as(word)
                        .singleElement()
                        .satisfies(report -> {
                            assertThat(report.status()).isEqualTo(Status.OPTED_OUT);
                            assertThat(report.address()).contains("+201001234567");
                            assertThat(report.providerMessageId()).contains("SM77");
                            assertThat(report.notificationId()).isEmpty();
                        });
            }
        }

        @Test
        void anInboundStartIsAnOptIn() throws GeneralSecurityException {
            for (String word : List.of("START", "unstop", "Yes")) {
                assertThat(signed(INBOUND, inbound(word)))
                        .as(word)
                        .singleElement()
                        .extracting(DeliveryReport::status)
                        .isEqualTo(Status.OPTED_IN);
            }
        }

        @Test
        void anyOtherInboundMessageReportsNothing() throws GeneralSecurityException {
            assertThat(signed(INBOUND, inbound("Please stop sending me these"))).isEmpty();
            assertThat(signed(INBOUND, inbound("شكرا"))).isEmpty();
        }

        @Test
        void twiliosAdvancedOptOutTypeDecidesWhateverTheWord() throws GeneralSecurityException {
            Map<String, String> parameters = new TreeMap<>(inbound("ARRET"));
            parameters.put("OptOutType", "STOP");

            assertThat(signed(INBOUND, parameters))
                    .singleElement()
                    .extracting(DeliveryReport::status)
                    .isEqualTo(Status.OPTED_OUT);
        }

        @Test
        void aTamperedParameterIsRefused() throws GeneralSecurityException {
            Map<String, String> parameters = status("failed", "30003");
            String signature = sign(Channels.AUTH_TOKEN, CALLBACK, parameters);
            Map<String, String> tampered = new TreeMap<>(parameters);
            tampered.put("MessageStatus", "delivered");

            assertThatThrownBy(() -> adapter().smsCallback(CALLBACK, tampered, signature))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void aSignatureForAnotherNotificationsUrlIsRefused() throws GeneralSecurityException {
            Map<String, String> parameters = status("delivered", null);
            String signature = sign(Channels.AUTH_TOKEN, CALLBACK, parameters);
            String otherUrl = "https://clinic.example/webhooks/sms/status?notification=" + UUID.randomUUID();

            assertThatThrownBy(() -> adapter().smsCallback(otherUrl, parameters, signature))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void aSignatureMadeWithAnotherTokenIsRefused() throws GeneralSecurityException {
            Map<String, String> parameters = inbound("STOP");
            String signature = sign("someone-elses-token", INBOUND, parameters);

            assertThatThrownBy(() -> adapter().smsCallback(INBOUND, parameters, signature))
                    .isInstanceOf(BadSignature.class);
            assertThatThrownBy(() -> adapter().smsCallback(INBOUND, parameters, null))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void withoutAnAuthTokenEveryCallbackIsRefused() throws GeneralSecurityException {
            Map<String, String> parameters = inbound("STOP");
            String signature = sign(Channels.AUTH_TOKEN, INBOUND, parameters);

            assertThatThrownBy(() -> adapter(Optional.of(publicKey(sendGridKeys)), Optional.empty())
                            .smsCallback(INBOUND, parameters, signature))
                    .isInstanceOf(BadSignature.class);
        }

        @Test
        void twilioMaySignTheUrlWithItsDefaultPort() throws GeneralSecurityException {
            Map<String, String> parameters = status("delivered", null);
            String withPort = URI.create(CALLBACK).toString().replace("clinic.example/", "clinic.example:443/");

            assertThat(adapter().smsCallback(CALLBACK, parameters, sign(Channels.AUTH_TOKEN, withPort, parameters)))
                    .hasSize(1);
        }
    }
}
