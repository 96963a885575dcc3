package com.clinic.notifications.external;

import com.clinic.notifications.application.SmsSettings;
import com.clinic.notifications.application.port.ChannelStatus;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.SmsGateway;
import com.clinic.notifications.domain.Channel;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text messages through Twilio's Messages API, with its Java SDK and {@link TwilioBaseUrlClient}
 * (the configured base URL, one request per send).
 *
 * <p>Twilio has no idempotency key for a message: a retry after a lost answer can send the text twice.
 */
public final class TwilioSmsGateway implements SmsGateway, AutoCloseable {

    /** The provider's name in outcomes, reports and its rate limit's key. */
    public static final String PROVIDER = "twilio";

    /** "The 'To' number is not a valid phone number", "… is not a mobile number". */
    private static final Set<Integer> NOT_A_RECIPIENT = Set.of(21211, 21614);

    /**
     * "Too many requests", "Internal server error", "Service unavailable": Twilio's own codes for an
     * answer worth trying again, read when an error body carries no HTTP status of its own.
     */
    private static final Set<Integer> TRY_AGAIN = Set.of(20429, 20500, 20503);

    /** "Attempt to send to unsubscribed recipient": the number replied STOP. */
    private static final int OPTED_OUT = 21610;

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsGateway.class);

    private final SmsSettings settings;
    private final ChannelStatus status;
    private final ProviderRateLimit rateLimit;
    private final TwilioBaseUrlClient http;
    private final TwilioRestClient client;

    public TwilioSmsGateway(SmsSettings settings, ProviderRateLimit rateLimit) {
        this.settings = settings;
        this.rateLimit = rateLimit;
        if (!settings.enabled()) {
            this.status = ChannelStatus.unavailable(Channel.SMS, PROVIDER, "disabled by configuration");
        } else if (settings.accountSid().isEmpty() || settings.authToken().isEmpty()) {
            this.status = ChannelStatus.unavailable(Channel.SMS, PROVIDER, "no account SID or auth token");
        } else if (settings.fromNumber().isEmpty()
                && settings.messagingServiceSid().isEmpty()) {
            this.status = ChannelStatus.unavailable(Channel.SMS, PROVIDER, "no sender number or messaging service");
        } else {
            this.status = ChannelStatus.available(Channel.SMS, PROVIDER);
        }
        if (!status.available()) {
            log.info("SMS notifications are unavailable: {}", status.reason());
            this.http = null;
            this.client = null;
            return;
        }
        this.http = new TwilioBaseUrlClient(settings.baseUrl(), settings.readTimeout());
        this.client = new TwilioRestClient.Builder(
                        settings.accountSid().get(), settings.authToken().get())
                .httpClient(http)
                .build();
    }

    @Override
    public ChannelStatus status() {
        return status;
    }

    @Override
    public DeliveryOutcome send(SmsMessage message) {
        if (!status.available()) {
            return new DeliveryOutcome.Rejected(PROVIDER, "channel unavailable", Duration.ZERO);
        }
        MessageCreator creator;
        try {
            PhoneNumber to = new PhoneNumber(message.toE164());
            creator = settings.messagingServiceSid().isPresent()
                    ? Message.creator(to, settings.messagingServiceSid().get(), message.body())
                    : Message.creator(to, new PhoneNumber(settings.fromNumber().get()), message.body());
            message.statusCallbackUrl().map(URI::create).ifPresent(creator::setStatusCallback);
        } catch (IllegalArgumentException invalid) {
            return new DeliveryOutcome.Rejected(PROVIDER, "invalid message", Duration.ZERO);
        }
        Optional<Duration> wait = rateLimit.tryTake();
        if (wait.isPresent()) {
            return new DeliveryOutcome.Throttled(PROVIDER, wait.get());
        }
        long started = System.nanoTime();
        try {
            Message sent = creator.create(client);
            return new DeliveryOutcome.Accepted(PROVIDER, sent.getSid(), "201 " + sent.getStatus(), elapsed(started));
        } catch (ApiException refused) {
            return outcome(refused, elapsed(started));
        } catch (TwilioException noAnswer) {
            return new DeliveryOutcome.Transient(
                    PROVIDER,
                    "no answer (" + noAnswer.getClass().getSimpleName() + ")",
                    Optional.empty(),
                    elapsed(started));
        } catch (RuntimeException unexpected) {
            log.warn("Twilio send failed unexpectedly", unexpected);
            return new DeliveryOutcome.Transient(
                    PROVIDER, "failed: " + unexpected.getClass().getSimpleName(), Optional.empty(), elapsed(started));
        }
    }

    private static DeliveryOutcome outcome(ApiException refused, Duration latency) {
        Integer httpStatus = refused.getStatusCode();
        Integer code = refused.getCode();
        if (httpStatus == null) {
            // No HTTP answer: the SDK wraps the connection's failure.
            return new DeliveryOutcome.Transient(PROVIDER, "no answer", Optional.empty(), latency);
        }
        String answer = httpStatus + (code == null ? "" : " " + code);
        if (code != null && code == OPTED_OUT) {
            return new DeliveryOutcome.Unreachable(PROVIDER, "opted-out", latency);
        }
        if (code != null && NOT_A_RECIPIENT.contains(code)) {
            return new DeliveryOutcome.Unreachable(PROVIDER, answer, latency);
        }
        if (httpStatus == 429 || httpStatus >= 500 || (code != null && TRY_AGAIN.contains(code))) {
            return new DeliveryOutcome.Transient(PROVIDER, answer, Optional.empty(), latency);
        }
        return new DeliveryOutcome.Rejected(PROVIDER, answer, latency);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() throws IOException {
        if (http != null) {
            http.close();
        }
    }
}
