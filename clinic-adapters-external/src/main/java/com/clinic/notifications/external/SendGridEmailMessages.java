package com.clinic.notifications.external;

import com.clinic.notifications.application.EmailSettings;
import com.clinic.notifications.application.port.ChannelStatus;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.EmailMessages;
import com.clinic.notifications.domain.Channel;
import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail through SendGrid's v3 Mail Send API, with its Java SDK: an HTML and a plain-text part, the
 * tracking args as {@code custom_args} (echoed in every event report), List-Unsubscribe when the
 * message has an unsubscribe URL, and the configured categories.
 *
 * <p>SendGrid has no idempotency key: a retry after a lost answer sends the e-mail again. The key goes
 * into the custom args ({@code idempotency_key}), so the event reports of both copies name it.
 *
 * <p>A base URL is honoured through the SDK's own switches: its host, and its "test" flag for plain
 * http (ADR 0023). The SDK answers every HTTP status with a {@link Response}; only a failed connection
 * throws.
 */
public final class SendGridEmailMessages implements EmailMessages, AutoCloseable {

    /** The provider's name in outcomes, reports and its rate limit's key. */
    public static final String PROVIDER = "sendgrid";

    /** The custom arg that carries the idempotency key. */
    static final String IDEMPOTENCY_ARG = "idempotency_key";

    private static final Logger log = LoggerFactory.getLogger(SendGridEmailMessages.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmailSettings settings;
    private final ChannelStatus status;
    private final ProviderRateLimit rateLimit;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final SendGrid sendGrid;

    public SendGridEmailMessages(EmailSettings settings, ProviderRateLimit rateLimit, Clock clock) {
        this.settings = settings;
        this.rateLimit = rateLimit;
        this.clock = clock;
        if (!settings.enabled()) {
            this.status = ChannelStatus.unavailable(Channel.EMAIL, PROVIDER, "disabled by configuration");
        } else if (settings.apiKey().isEmpty()) {
            this.status = ChannelStatus.unavailable(Channel.EMAIL, PROVIDER, "no API key");
        } else if (settings.fromAddress().isEmpty()) {
            this.status = ChannelStatus.unavailable(Channel.EMAIL, PROVIDER, "no sender address");
        } else {
            this.status = ChannelStatus.available(Channel.EMAIL, PROVIDER);
        }
        if (!status.available()) {
            log.info("E-mail notifications are unavailable: {}", status.reason());
            this.http = null;
            this.sendGrid = null;
            return;
        }
        int connect = Math.toIntExact(settings.connectTimeout().toMillis());
        int read = Math.toIntExact(settings.readTimeout().toMillis());
        // The SDK's default client has no timeouts at all.
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .useSystemProperties()
                .build();
        Optional<URI> base = settings.baseUrl();
        boolean plainHttp =
                base.map(url -> url.getScheme().equalsIgnoreCase("http")).orElse(false);
        this.sendGrid = new SendGrid(settings.apiKey().get(), new Client(http, plainHttp));
        base.ifPresent(url -> sendGrid.setHost(url.getRawAuthority()));
    }

    @Override
    public ChannelStatus status() {
        return status;
    }

    @Override
    public DeliveryOutcome send(EmailMessage message) {
        if (!status.available()) {
            return new DeliveryOutcome.Rejected(PROVIDER, "channel unavailable", Duration.ZERO);
        }
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(mail(message).build());
        } catch (IOException | RuntimeException unwritable) {
            return new DeliveryOutcome.Rejected(PROVIDER, "invalid message", Duration.ZERO);
        }
        Optional<Duration> wait = rateLimit.tryTake();
        if (wait.isPresent()) {
            return new DeliveryOutcome.Throttled(PROVIDER, wait.get());
        }
        long started = System.nanoTime();
        Response response;
        try {
            response = sendGrid.api(request);
        } catch (IOException noAnswer) {
            return new DeliveryOutcome.Transient(
                    PROVIDER,
                    "no answer (" + noAnswer.getClass().getSimpleName() + ")",
                    Optional.empty(),
                    elapsed(started));
        } catch (RuntimeException unexpected) {
            log.warn("SendGrid send failed unexpectedly", unexpected);
            return new DeliveryOutcome.Transient(
                    PROVIDER, "failed: " + unexpected.getClass().getSimpleName(), Optional.empty(), elapsed(started));
        }
        return outcome(response, elapsed(started));
    }

    private Mail mail(EmailMessage message) {
        Mail mail = new Mail();
        mail.setFrom(
                settings.fromName().isEmpty()
                        ? new Email(settings.fromAddress().get())
                        : new Email(settings.fromAddress().get(), settings.fromName()));
        mail.setSubject(message.subject());
        Personalization to = new Personalization();
        to.addTo(new Email(message.toAddress()));
        mail.addPersonalization(to);
        // SendGrid wants text/plain before text/html.
        mail.addContent(new Content("text/plain", message.text()));
        mail.addContent(new Content("text/html", message.html()));
        message.trackingArgs().forEach(mail::addCustomArg);
        mail.addCustomArg(IDEMPOTENCY_ARG, message.idempotencyKey());
        if (message.language() != null && !message.language().isBlank()) {
            mail.addHeader("Content-Language", message.language());
        }
        message.unsubscribeUrl().ifPresent(url -> {
            mail.addHeader("List-Unsubscribe", "<" + url + ">");
            // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URL.
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        });
        settings.categories().forEach(mail::addCategory);
        return mail;
    }

    private DeliveryOutcome outcome(Response response, Duration latency) {
        int code = response.getStatusCode();
        if (code >= 200 && code < 300) {
            Optional<String> id = RetryAfter.header(response.getHeaders(), "X-Message-Id");
            return new DeliveryOutcome.Accepted(PROVIDER, id.orElse(""), String.valueOf(code), latency);
        }
        String answer = code
                + errorField(response.getBody())
                        .map(field -> " (" + field + ")")
                        .orElse("");
        if (code == 429) {
            Optional<Duration> retryAfter = RetryAfter.fromRetryAfter(
                            RetryAfter.header(response.getHeaders(), "Retry-After"), clock)
                    .or(() -> RetryAfter.untilEpochSecond(
                            RetryAfter.header(response.getHeaders(), "X-RateLimit-Reset"), clock));
            return new DeliveryOutcome.Transient(PROVIDER, answer, retryAfter, latency);
        }
        if (code >= 500 || code == 408) {
            return new DeliveryOutcome.Transient(PROVIDER, answer, Optional.empty(), latency);
        }
        return new DeliveryOutcome.Rejected(PROVIDER, answer, latency);
    }

    /** The field SendGrid's first error names ({@code from.email}, {@code content}), never its prose. */
    private static Optional<String> errorField(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode field = JSON.readTree(body).path("errors").path(0).path("field");
            return field.isString() && !field.asString().isBlank() ? Optional.of(field.asString()) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
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
