package com.clinic.notifications.external;

import com.clinic.notifications.application.EmailSettings;
import com.clinic.notifications.application.SmsSettings;
import com.clinic.notifications.application.port.DeliveryReport;
import com.clinic.notifications.application.port.ProviderWebhooks;
import com.clinic.notifications.domain.Channel;
import com.sendgrid.helpers.eventwebhook.EventWebhook;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers' signed reports, each checked with the provider's own SDK before anything is read.
 *
 * <p>SendGrid's Signed Event Webhook: ECDSA P-256 with SHA-256 over the timestamp header followed by
 * the raw body, verified by the SDK's {@link EventWebhook} (which asks for the BouncyCastle provider
 * by name: registered once, last in the JVM's list, so it is chosen only when named). A timestamp
 * further from now than the tolerance is refused, so a captured report cannot be replayed later.
 *
 * <p>Twilio: {@link RequestValidator}, HMAC-SHA1 with the auth token over the full URL it called and
 * its form parameters. Twilio's signature has no timestamp; the status callback's URL names the
 * notification ({@code notification} query parameter), so a replayed callback repeats a report already
 * recorded. Inbound messages whose body is an opt-out or opt-in keyword (Twilio's defaults), or which
 * carry Twilio's {@code OptOutType} (Advanced Opt-Out), become opt-outs and opt-ins of their sender.
 */
public final class ProviderWebhooksAdapter implements ProviderWebhooks {

    static final String NOTIFICATION_ARG = "notification_id";

    static final String NOTIFICATION_QUERY_PARAMETER = "notification";

    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

    /** Twilio's default opt-in keywords: it resumes delivery on each of them, so they are recorded too. */
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP", "YES");

    /** "Attempt to send to unsubscribed recipient", when it comes back in a status callback. */
    private static final String TWILIO_OPTED_OUT = "21610";

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhooksAdapter.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Optional<ECPublicKey> sendGridKey;
    private final Duration tolerance;
    private final Optional<RequestValidator> twilio;
    private final Clock clock;

    public ProviderWebhooksAdapter(EmailSettings email, SmsSettings sms, Clock clock) {
        this.clock = clock;
        this.tolerance = email.webhookTolerance();
        this.sendGridKey = email.webhookPublicKey().flatMap(ProviderWebhooksAdapter::sendGridKey);
        this.twilio = sms.authToken().map(RequestValidator::new);
    }

    private static Optional<ECPublicKey> sendGridKey(String base64) {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        try {
            return Optional.of(new EventWebhook().ConvertPublicKeyToECDSA(base64));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException unusable) {
            log.warn(
                    "clinic.notifications.email.webhook-public-key is not an EC public key (base64 X.509):"
                            + " every SendGrid event report will be refused ({})",
                    unusable.toString());
            return Optional.empty();
        }
    }

    @Override
    public List<DeliveryReport> emailEvents(byte[] body, String signature, String timestamp) {
        ECPublicKey key = sendGridKey.orElseThrow(() -> new BadSignature("no SendGrid verification key configured"));
        if (body == null || signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw new BadSignature("signature or timestamp missing");
        }
        boolean verified;
        try {
            verified = new EventWebhook().VerifySignature(key, body, signature.strip(), timestamp.strip());
        } catch (GeneralSecurityException | IOException | IllegalArgumentException unverifiable) {
            verified = false;
        }
        if (!verified) {
            throw new BadSignature("SendGrid signature does not verify");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException | DateTimeException unreadable) {
            throw new BadSignature("SendGrid timestamp unreadable");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw new BadSignature("SendGrid timestamp outside the tolerance");
        }
        return sendGridReports(body);
    }

    private List<DeliveryReport> sendGridReports(byte[] body) {
        JsonNode events;
        try {
            events = JSON.readTree(body);
        } catch (JacksonException unreadable) {
            log.warn("A signed SendGrid event report is not JSON; ignored");
            return List.of();
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (JsonNode event : events.isArray() ? events : JSON.createArrayNode()) {
            sendGridReport(event).ifPresent(reports::add);
        }
        return List.copyOf(reports);
    }

    private Optional<DeliveryReport> sendGridReport(JsonNode event) {
        String type = text(event, "event").orElse("");
        DeliveryReport.Status status;
        String detail;
        switch (type) {
            case "delivered" -> {
                status = DeliveryReport.Status.DELIVERED;
                detail = "delivered";
            }
            case "bounce" -> {
                // The SMTP status, not SendGrid's reason: the receiving server's prose can name the address.
                status = DeliveryReport.Status.BOUNCED;
                detail = join("bounce", text(event, "type"), text(event, "status"));
            }
            case "dropped" -> {
                status = DeliveryReport.Status.DROPPED;
                detail = join("dropped", text(event, "reason"), Optional.empty());
            }
            case "spamreport" -> {
                status = DeliveryReport.Status.SPAM_REPORTED;
                detail = "spamreport";
            }
            case "unsubscribe", "group_unsubscribe" -> {
                status = DeliveryReport.Status.OPTED_OUT;
                detail = join(type, text(event, "asm_group_id"), Optional.empty());
            }
            case "group_resubscribe" -> {
                status = DeliveryReport.Status.OPTED_IN;
                detail = join(type, text(event, "asm_group_id"), Optional.empty());
            }
            default -> {
                // processed, deferred (SendGrid keeps trying), open, click: nothing to record.
                return Optional.empty();
            }
        }
        boolean aboutTheAddress = status == DeliveryReport.Status.OPTED_OUT || status == DeliveryReport.Status.OPTED_IN;
        Instant at = event.path("timestamp").canConvertToLong()
                ? Instant.ofEpochSecond(event.path("timestamp").asLong())
                : clock.instant();
        return Optional.of(new DeliveryReport(
                Channel.EMAIL,
                SendGridEmailMessages.PROVIDER,
                text(event, "sg_message_id").map(ProviderWebhooksAdapter::sendGridMessageId),
                text(event, NOTIFICATION_ARG).flatMap(ProviderWebhooksAdapter::uuid),
                status,
                detail,
                aboutTheAddress ? text(event, "email") : Optional.empty(),
                at));
    }

    /**
     * An event's {@code sg_message_id} is the X-Message-Id the send was answered with, followed by
     * {@code .filter…} for the copy SendGrid processed: the part before is how the attempt knows it.
     */
    static String sendGridMessageId(String sgMessageId) {
        int filter = sgMessageId.indexOf(".filter");
        return filter < 0 ? sgMessageId : sgMessageId.substring(0, filter);
    }

    @Override
    public List<DeliveryReport> smsCallback(String url, Map<String, String> parameters, String signature) {
        RequestValidator validator = twilio.orElseThrow(() -> new BadSignature("no Twilio auth token configured"));
        if (url == null || parameters == null || signature == null || signature.isBlank()) {
            throw new BadSignature("signature missing");
        }
        boolean verified;
        try {
            verified = validator.validate(url, parameters, signature.strip());
        } catch (RuntimeException unverifiable) {
            verified = false;
        }
        if (!verified) {
            throw new BadSignature("Twilio signature does not verify");
        }
        Optional<String> messageSid = parameter(parameters, "MessageSid").or(() -> parameter(parameters, "SmsSid"));
        Optional<String> messageStatus = parameter(parameters, "MessageStatus");
        if (messageStatus.isPresent()) {
            return statusCallback(
                    url, parameters, messageSid, messageStatus.get().toLowerCase(Locale.ROOT));
        }
        return inbound(parameters, messageSid);
    }

    private List<DeliveryReport> statusCallback(
            String url, Map<String, String> parameters, Optional<String> messageSid, String messageStatus) {
        Optional<String> errorCode = parameter(parameters, "ErrorCode");
        DeliveryReport.Status status;
        Optional<String> address = Optional.empty();
        switch (messageStatus) {
            case "delivered" -> status = DeliveryReport.Status.DELIVERED;
            case "undelivered", "failed" -> {
                if (errorCode.filter(TWILIO_OPTED_OUT::equals).isPresent()) {
                    status = DeliveryReport.Status.OPTED_OUT;
                    address = parameter(parameters, "To");
                } else {
                    status = DeliveryReport.Status.FAILED;
                }
            }
            default -> {
                // queued, sending, sent, accepted, scheduled, read: steps on the way, nothing to record.
                return List.of();
            }
        }
        return List.of(new DeliveryReport(
                Channel.SMS,
                TwilioSmsGateway.PROVIDER,
                messageSid,
                queryParameter(url, NOTIFICATION_QUERY_PARAMETER).flatMap(ProviderWebhooksAdapter::uuid),
                status,
                join(messageStatus, errorCode, Optional.empty()),
                address,
                clock.instant()));
    }

    private List<DeliveryReport> inbound(Map<String, String> parameters, Optional<String> messageSid) {
        Optional<String> from = parameter(parameters, "From");
        if (from.isEmpty()) {
            return List.of();
        }
        String optOutType = parameter(parameters, "OptOutType").orElse("").toUpperCase(Locale.ROOT);
        String word = parameter(parameters, "Body").orElse("").strip().toUpperCase(Locale.ROOT);
        DeliveryReport.Status status;
        if (optOutType.equals("STOP") || (optOutType.isEmpty() && OPT_OUT_WORDS.contains(word))) {
            status = DeliveryReport.Status.OPTED_OUT;
        } else if (optOutType.equals("START") || (optOutType.isEmpty() && OPT_IN_WORDS.contains(word))) {
            status = DeliveryReport.Status.OPTED_IN;
        } else {
            return List.of();
        }
        return List.of(new DeliveryReport(
                Channel.SMS,
                TwilioSmsGateway.PROVIDER,
                messageSid,
                Optional.empty(),
                status,
                "inbound " + (optOutType.isEmpty() ? word : optOutType),
                from,
                clock.instant()));
    }

    private static Optional<String> parameter(Map<String, String> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(value -> !value.isBlank());
    }

    static Optional<String> queryParameter(String url, String name) {
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        if (query == null) {
            return Optional.empty();
        }
        try {
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals > 0
                        && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)
                                .equals(name)) {
                    return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode event, String field) {
        JsonNode value = event.path(field);
        if (value.isString() || value.isNumber()) {
            String text = value.asString();
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String join(String first, Optional<String> second, Optional<String> third) {
        StringBuilder joined = new StringBuilder(first);
        second.ifPresent(part -> joined.append(' ').append(part));
        third.ifPresent(part -> joined.append(' ').append(part));
        return joined.toString();
    }
}
