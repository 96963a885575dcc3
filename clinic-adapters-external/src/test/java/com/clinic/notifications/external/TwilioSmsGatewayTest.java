package com.clinic.notifications.external;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.SmsSettings;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.SmsGateway.SmsMessage;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Twilio's Java SDK, through the client that rewrites its base URL, against a local Messages API. */
class TwilioSmsGatewayTest {

    @RegisterExtension
    static final WireMockExtension twilio = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String MESSAGES = "/2010-04-01/Accounts/" + Channels.ACCOUNT_SID + "/Messages.json";

    private final List<TwilioSmsGateway> adapters = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (TwilioSmsGateway adapter : adapters) {
            adapter.close();
        }
    }

    private TwilioSmsGateway adapter(SmsSettings settings) {
        TwilioSmsGateway adapter = new TwilioSmsGateway(settings, Channels.UNLIMITED);
        adapters.add(adapter);
        return adapter;
    }

    private TwilioSmsGateway adapter() {
        return adapter(Channels.sms(
                Optional.of(Channels.ACCOUNT_SID), Optional.of(Channels.AUTH_TOKEN), twilio.baseUrl(), 100));
    }

    private static SmsMessage message() {
        return new SmsMessage(
                "notification-9:sms",
                "+201001234567",
                "Your turn: room 3",
                Optional.of("https://clinic.example/webhooks/sms?notification=1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
    }

    private static void twilioRefuses(int status, int code) {
        twilio.stubFor(post(MESSAGES)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": %d, \"message\": \"refused\", \"more_info\":".formatted(code)
                                + " \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status
                                + "}")));
    }

    @Test
    void anAcceptedMessageIsPostedWithTheAccountsCredentialsAndItsStatusCallback() {
        twilio.stubFor(post(MESSAGES)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000042\", \"status\": \"queued\"}")));

        DeliveryOutcome outcome = adapter().send(message());

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class, accepted -> {
            assertThat(accepted.provider()).isEqualTo("twilio");
            assertThat(accepted.providerMessageId()).isEqualTo("SM00000000000000000000000000000042");
            assertThat(accepted.answer()).isEqualTo("201 queued");
        });
        String basic =
                Base64.getEncoder().encodeToString((Channels.ACCOUNT_SID + ":" + Channels.AUTH_TOKEN).getBytes());
        twilio.verify(
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withHeader("Authorization", equalTo("Basic " + basic))
                        .withFormParam("To", equalTo("+201001234567"))
                        .withFormParam("From", equalTo(Channels.FROM_NUMBER))
                        .withFormParam("Body", equalTo("Your turn: room 3"))
                        .withFormParam(
                                "StatusCallback",
                                equalTo(
                                        "https://clinic.example/webhooks/sms?notification=1b4e28ba-2fa1-11d2-883f-0016d3cca427")));
    }

    @Test
    void aMessagingServicePicksTheSenderInsteadOfTheNumber() {
        twilio.stubFor(post(MESSAGES)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM43\", \"status\": \"accepted\"}")));
        SmsSettings numbered = Channels.sms(
                Optional.of(Channels.ACCOUNT_SID), Optional.of(Channels.AUTH_TOKEN), twilio.baseUrl(), 100);
        TwilioSmsGateway adapter = adapter(new SmsSettings(
                true,
                numbered.accountSid(),
                numbered.authToken(),
                Optional.empty(),
                Optional.of("MG00000000000000000000000000000001"),
                numbered.baseUrl(),
                numbered.ratePerSecond(),
                numbered.readTimeout()));

        assertThat(adapter.send(message())).isInstanceOf(DeliveryOutcome.Accepted.class);

        twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withFormParam("MessagingServiceSid", equalTo("MG00000000000000000000000000000001"))
                .withFormParam("From", absent()));
    }

    @Test
    void tooManyRequestsIsTransient() {
        twilioRefuses(429, 20429);

        assertThat(adapter().send(message()))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Transient.class, transientFailure -> assertThat(transientFailure.answer())
                                .isEqualTo("429 20429"));
    }

    @Test
    void aServerErrorIsTransientAndNotPostedAgainBySdk() {
        twilioRefuses(500, 20500);

        assertThat(adapter().send(message())).isInstanceOf(DeliveryOutcome.Transient.class);

        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aServiceUnavailableIsTransientAndNotPostedAgainByTheHttpClient() {
        // Apache's default strategy would repeat a POST answered 503 a second later, unrecorded.
        twilioRefuses(503, 20503);

        assertThat(adapter().send(message()))
                .isInstanceOfSatisfying(DeliveryOutcome.Transient.class, again -> assertThat(again.answer())
                        .isEqualTo("503 20503"));

        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void anInvalidNumberIsUnreachable() {
        twilioRefuses(400, 21211);

        assertThat(adapter().send(message()))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Unreachable.class,
                        unreachable -> assertThat(unreachable.answer()).isEqualTo("400 21211"));
    }

    @Test
    void aNumberThatIsNotAMobileIsUnreachable() {
        twilioRefuses(400, 21614);

        assertThat(adapter().send(message())).isInstanceOf(DeliveryOutcome.Unreachable.class);
    }

    @Test
    void aRecipientWhoRepliedStopIsUnreachableAsOptedOut() {
        twilioRefuses(400, 21610);

        assertThat(adapter().send(message()))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Unreachable.class,
                        unreachable -> assertThat(unreachable.answer()).isEqualTo("opted-out"));
    }

    @Test
    void refusedCredentialsAreRejected() {
        twilioRefuses(401, 20003);

        assertThat(adapter().send(message()))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("401 20003"));
    }

    @Test
    void anotherClientErrorIsRejected() {
        twilioRefuses(400, 21408);

        assertThat(adapter().send(message())).isInstanceOf(DeliveryOutcome.Rejected.class);
    }

    @Test
    void aConnectionThatBreaksIsTransient() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(adapter().send(message()))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Transient.class, transientFailure -> assertThat(transientFailure.answer())
                                .isEqualTo("no answer"));
    }

    @Test
    void withoutAnAuthTokenTheChannelIsUnavailableAndNothingIsSent() {
        TwilioSmsGateway adapter =
                adapter(Channels.sms(Optional.of(Channels.ACCOUNT_SID), Optional.empty(), twilio.baseUrl(), 100));

        assertThat(adapter.status().available()).isFalse();
        assertThat(adapter.status().reason()).isEqualTo("no account SID or auth token");
        assertThat(adapter.send(message()))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("channel unavailable"));
        twilio.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRequestKeepsEverythingButItsHostWhenRewritten() {
        Request request = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Messages.json");
        request.setAuth("AC1", "secret");
        request.addPostParam("To", "+201001234567");
        request.addHeaderParam("X-Custom", "1");

        Request moved = TwilioBaseUrlClient.rewritten(request, "http://127.0.0.1:8089");

        assertThat(moved.constructURL()).hasToString("http://127.0.0.1:8089/2010-04-01/Accounts/AC1/Messages.json");
        assertThat(moved.getAuthString()).isEqualTo(request.getAuthString());
        assertThat(moved.getPostParams()).isEqualTo(request.getPostParams());
        assertThat(moved.getHeaderParams()).isEqualTo(request.getHeaderParams());
    }
}
