package com.clinic.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

/**
 * One local HTTP fake for the providers (FCM, SendGrid, Twilio, Stripe), shared by the test run's
 * application: the real SDKs talk to it, as they would to the providers. By default every provider
 * takes every message; a test makes one fail for its own recipient only (a stub matching that
 * recipient, at a higher priority), so other tests keep their providers.
 */
public final class ProviderFakes {

    public static final String TWILIO_ACCOUNT = "AC00000000000000000000000000000001";
    public static final String TWILIO_TOKEN = "twilio-test-auth-token";
    public static final String FCM_SEND = "/v1/projects/clinic-test/messages:send";
    public static final String SENDGRID_SEND = "/v3/mail/send";
    public static final String TWILIO_SEND = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json";
    public static final String STRIPE_INTENTS = "/v1/payment_intents";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_clinic_test";
    public static final String STRIPE_REFUNDS = "/v1/refunds";

    private static ProviderFakes instance;

    private final WireMockServer server;
    private final Path serviceAccount;
    private final KeyPair sendGridWebhookKey;

    private ProviderFakes() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").maxRequestJournalEntries(20_000));
        server.start();
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            serviceAccount = Files.createTempFile("fcm-service-account", ".json");
            serviceAccount.toFile().deleteOnExit();
            Files.writeString(
                    serviceAccount,
                    """
                    {"type": "service_account", "project_id": "clinic-test", "private_key_id": "key-1",
                     "private_key": "%s", "client_email": "push@clinic-test.iam.gserviceaccount.com",
                     "client_id": "1", "token_uri": "https://oauth2.googleapis.com/token"}
                    """
                            .formatted(pem.replace("\n", "\\n")));
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            sendGridWebhookKey = ec.generateKeyPair();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the fakes' keys", e);
        }
        acceptEverything();
    }

    public static synchronized ProviderFakes get() {
        if (instance == null) {
            instance = new ProviderFakes();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.server::stop));
        }
        return instance;
    }

    /** The application's settings that point every provider here. */
    public List<String> properties() {
        String base = server.baseUrl();
        return List.of(
                "clinic.notifications.push.credentials-file=" + serviceAccount,
                "clinic.notifications.push.base-url=" + base,
                "clinic.notifications.email.api-key=SG.test-key",
                "clinic.notifications.email.from-address=clinic@example.org",
                "clinic.notifications.email.from-name=The Clinic",
                "clinic.notifications.email.base-url=" + base,
                "clinic.notifications.email.webhook-public-key="
                        + Base64.getEncoder()
                                .encodeToString(sendGridWebhookKey.getPublic().getEncoded()),
                "clinic.notifications.sms.account-sid=" + TWILIO_ACCOUNT,
                "clinic.notifications.sms.auth-token=" + TWILIO_TOKEN,
                "clinic.notifications.sms.from-number=+15005550006",
                "clinic.notifications.sms.base-url=" + base,
                "clinic.payments.card.secret-key=sk_test_clinic",
                "clinic.payments.card.webhook-secret=" + STRIPE_WEBHOOK_SECRET,
                "clinic.payments.card.base-url=" + base);
    }

    public WireMockServer server() {
        return server;
    }

    public KeyPair sendGridWebhookKey() {
        return sendGridWebhookKey;
    }

    /** What reached the fake at this path and contained {@code text} (a phone number, an e-mail). */
    public List<ServeEvent> received(String path, String text) {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(path))
                .filter(event -> event.getRequest().getBodyAsString().contains(text))
                .toList();
    }

    /** A payment intent as Stripe shows it. */
    public static String intent(String intentId, long amountMinor, String currency, String status) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "%s", "status": "%s",
                 "client_secret": "%s_secret_fake", "metadata": {}}"""
                .formatted(intentId, amountMinor, currency.toLowerCase(java.util.Locale.ROOT), status, intentId);
    }

    /** Stripe's answer for this intent, from now on (a reconciliation reading it back). */
    public void stripeIntentIs(String intentId, long amountMinor, String currency, String status) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(STRIPE_INTENTS + "/" + intentId)
                .atPriority(1)
                .willReturn(okJson(intent(intentId, amountMinor, currency, status))));
    }

    private void acceptEverything() {
        // Intents take their id from the idempotency key (the card payment's id) and echo the amount.
        server.stubFor(post(STRIPE_INTENTS)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                                {"id": "pi_{{request.headers.Idempotency-Key}}", "object": "payment_intent",
                                 "amount": {{regexExtract request.body 'amount=([0-9]+)' 'a'}}{{a.0}},
                                 "currency": "{{regexExtract request.body 'currency=([a-z]+)' 'c'}}{{c.0}}",
                                 "status": "requires_payment_method",
                                 "client_secret": "pi_{{request.headers.Idempotency-Key}}_secret_fake", "metadata": {}}""")
                        .withTransformers("response-template")));
        server.stubFor(post(STRIPE_REFUNDS)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                                {"id": "re_{{request.headers.Idempotency-Key}}", "object": "refund",
                                 "amount": {{regexExtract request.body 'amount=([0-9]+)' 'a'}}{{a.0}}, "currency": "sar",
                                 "status": "succeeded"}""")
                        .withTransformers("response-template")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching(STRIPE_INTENTS + "/.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                                {"id": "{{request.pathSegments.[2]}}", "object": "payment_intent", "amount": 1,
                                 "currency": "sar", "status": "requires_payment_method", "metadata": {}}""")
                        .withTransformers("response-template")));
        server.stubFor(post("/token")
                .willReturn(okJson("{\"access_token\": \"access-from-the-fake\", \"expires_in\": 3600,"
                        + " \"token_type\": \"Bearer\"}")));
        server.stubFor(post(FCM_SEND).willReturn(okJson("{\"name\": \"projects/clinic-test/messages/0:1\"}")));
        server.stubFor(
                post(SENDGRID_SEND).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-message-1")));
        server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000001\", \"status\": \"queued\"}")));
    }
}
