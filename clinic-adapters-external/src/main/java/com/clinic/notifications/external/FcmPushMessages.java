package com.clinic.notifications.external;

import com.clinic.notifications.application.PushSettings;
import com.clinic.notifications.application.port.ChannelStatus;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.PushMessages;
import com.clinic.notifications.domain.Channel;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.Retryable;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push messages through Firebase Cloud Messaging's HTTP v1 API, with the Firebase Admin SDK.
 *
 * <p>Each instance has a {@link FirebaseApp} of its own under a unique name (the SDK keeps apps in
 * a process-wide registry), deleted by {@link #close()}. The SDK hard-codes FCM's host; every request
 * (FCM's and the token endpoint's) goes through one {@link NetHttpTransport} whose connection factory
 * sends it to the configured base URL instead when one is set (a local fake in tests, ADR 0023), so
 * the tests run the transport production uses.
 *
 * <p>The SDK retries a 503 itself, up to four times: after the Retry-After it was given when that is
 * at most a minute, else with exponential back-off from half a second. Such a send can take a few
 * seconds before it answers {@link DeliveryOutcome.Transient}; a longer Retry-After comes back at once.
 * On a 401 it refreshes the access token and sends again, up to four times; the last 401 reaches this
 * adapter without FCM's error code (THIRD_PARTY_AUTH_ERROR comes as 401): Rejected all the same.
 *
 * <p>FCM has no idempotency key. A retry after a lost answer can reach the device twice; the
 * notification's key is its Android tag and its {@code apns-collapse-id}, so the second one replaces
 * the first on the screen instead of showing beside it.
 */
public final class FcmPushMessages implements PushMessages, AutoCloseable {

    /** The provider's name in outcomes, reports and its rate limit's key. */
    public static final String PROVIDER = "fcm";

    private static final Logger log = LoggerFactory.getLogger(FcmPushMessages.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** APNs refuses a longer collapse id. */
    private static final int APNS_COLLAPSE_ID_BYTES = 64;

    private final ChannelStatus status;
    private final ProviderRateLimit rateLimit;
    private final Clock clock;
    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    public FcmPushMessages(PushSettings settings, ProviderRateLimit rateLimit, Clock clock) {
        this.rateLimit = rateLimit;
        this.clock = clock;
        Start start = start(settings);
        this.status = start.status();
        this.app = start.app();
        this.messaging = app == null ? null : FirebaseMessaging.getInstance(app);
        if (!status.available()) {
            log.info("Push notifications are unavailable: {}", status.reason());
        }
    }

    private record Start(ChannelStatus status, FirebaseApp app) {

        static Start unavailable(String reason) {
            return new Start(ChannelStatus.unavailable(Channel.PUSH, PROVIDER, reason), null);
        }
    }

    private static Start start(PushSettings settings) {
        if (!settings.enabled()) {
            return Start.unavailable("disabled by configuration");
        }
        if (settings.credentialsFile().isEmpty()) {
            return Start.unavailable("no credentials");
        }
        HttpTransport transport = transport(settings.baseUrl());
        ServiceAccountCredentials credentials;
        try (InputStream in = Files.newInputStream(settings.credentialsFile().get())) {
            // The token endpoint is reached through the same transport, so a base URL covers it too.
            credentials = ServiceAccountCredentials.fromStream(in, () -> transport);
        } catch (IOException | RuntimeException unreadable) {
            log.warn(
                    "Push credentials: {} could not be read as a service account key ({})",
                    settings.credentialsFile().get(),
                    unreadable.toString());
            return Start.unavailable("credentials unreadable");
        }
        Optional<String> projectId = settings.projectId().or(() -> Optional.ofNullable(credentials.getProjectId()));
        if (projectId.isEmpty()) {
            return Start.unavailable("no project id");
        }
        FirebaseOptions options = FirebaseOptions.builder()
                .setCredentials(credentials)
                .setProjectId(projectId.get())
                .setHttpTransport(transport)
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .build();
        FirebaseApp app = FirebaseApp.initializeApp(options, "clinic-push-" + UUID.randomUUID());
        return new Start(ChannelStatus.available(Channel.PUSH, PROVIDER), app);
    }

    @Override
    public ChannelStatus status() {
        return status;
    }

    @Override
    public DeliveryOutcome send(PushMessage message) {
        if (!status.available()) {
            return new DeliveryOutcome.Rejected(PROVIDER, "channel unavailable", Duration.ZERO);
        }
        if (message.deviceToken() == null || message.deviceToken().isBlank()) {
            return new DeliveryOutcome.Unreachable(PROVIDER, "no device token", Duration.ZERO);
        }
        Message fcm;
        try {
            fcm = fcmMessage(message);
        } catch (IllegalArgumentException invalid) {
            // The SDK checks the message before sending (reserved data keys, for one): FCM would refuse it too.
            return new DeliveryOutcome.Rejected(PROVIDER, "invalid message", Duration.ZERO);
        }
        Optional<Duration> wait = rateLimit.tryTake();
        if (wait.isPresent()) {
            return new DeliveryOutcome.Throttled(PROVIDER, wait.get());
        }
        long started = System.nanoTime();
        try {
            String name = messaging.send(fcm);
            return new DeliveryOutcome.Accepted(PROVIDER, name, "200", elapsed(started));
        } catch (FirebaseMessagingException refused) {
            return outcome(refused, elapsed(started));
        } catch (RuntimeException unexpected) {
            log.warn("FCM send failed unexpectedly", unexpected);
            return new DeliveryOutcome.Transient(
                    PROVIDER, "failed: " + unexpected.getClass().getSimpleName(), Optional.empty(), elapsed(started));
        }
    }

    private static Message fcmMessage(PushMessage message) {
        Optional<String> tag = collapseId(message.idempotencyKey());
        AndroidNotification.Builder android = AndroidNotification.builder();
        tag.ifPresent(android::setTag);
        ApnsConfig.Builder apns = ApnsConfig.builder()
                .putHeader("apns-priority", message.urgent() ? "10" : "5")
                .setAps(Aps.builder().build());
        tag.ifPresent(id -> apns.putHeader("apns-collapse-id", id));
        return Message.builder()
                .setToken(message.deviceToken())
                .setNotification(Notification.builder()
                        .setTitle(message.title())
                        .setBody(message.body())
                        .build())
                .putAllData(message.data())
                .setAndroidConfig(AndroidConfig.builder()
                        .setPriority(message.urgent() ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL)
                        .setNotification(android.build())
                        .build())
                .setApnsConfig(apns.build())
                .build();
    }

    /** The idempotency key, or its SHA-256 when it is longer than APNs allows. */
    static Optional<String> collapseId(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Optional.empty();
        }
        if (idempotencyKey.getBytes(StandardCharsets.UTF_8).length <= APNS_COLLAPSE_ID_BYTES) {
            return Optional.of(idempotencyKey);
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private DeliveryOutcome outcome(FirebaseMessagingException refused, Duration latency) {
        IncomingHttpResponse response = refused.getHttpResponse();
        ErrorCode code = refused.getErrorCode();
        if (response == null) {
            if (credentialsRefused(refused)) {
                return new DeliveryOutcome.Rejected(PROVIDER, "credentials refused by the token endpoint", latency);
            }
            return new DeliveryOutcome.Transient(PROVIDER, "no answer (" + code + ")", Optional.empty(), latency);
        }
        int httpStatus = response.getStatusCode();
        MessagingErrorCode fcmCode = refused.getMessagingErrorCode();
        String answer = httpStatus + " " + (fcmCode != null ? fcmCode.name() : String.valueOf(code));
        Optional<Duration> retryAfter =
                RetryAfter.fromRetryAfter(RetryAfter.header(response.getHeaders(), "Retry-After"), clock);
        if (fcmCode != null) {
            return switch (fcmCode) {
                case UNREGISTERED -> new DeliveryOutcome.Unreachable(PROVIDER, answer, latency);
                case INVALID_ARGUMENT ->
                    aboutTheToken(response)
                            ? new DeliveryOutcome.Unreachable(PROVIDER, answer, latency)
                            : new DeliveryOutcome.Rejected(PROVIDER, answer, latency);
                case SENDER_ID_MISMATCH, THIRD_PARTY_AUTH_ERROR ->
                    new DeliveryOutcome.Rejected(PROVIDER, answer, latency);
                case QUOTA_EXCEEDED, UNAVAILABLE, INTERNAL ->
                    new DeliveryOutcome.Transient(PROVIDER, answer, retryAfter, latency);
            };
        }
        if (httpStatus == 429 || httpStatus >= 500) {
            return new DeliveryOutcome.Transient(PROVIDER, answer, retryAfter, latency);
        }
        if (code == ErrorCode.INVALID_ARGUMENT && aboutTheToken(response)) {
            return new DeliveryOutcome.Unreachable(PROVIDER, answer, latency);
        }
        return new DeliveryOutcome.Rejected(PROVIDER, answer, latency);
    }

    /**
     * INVALID_ARGUMENT is also FCM's answer to a malformed message; only one whose field violation is
     * the token (or, in older answers, whose message names the registration token) is about the address.
     */
    static boolean aboutTheToken(IncomingHttpResponse response) {
        String content = response.getContent();
        if (content == null || content.isBlank()) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(content).path("error");
            for (JsonNode detail : error.path("details")) {
                for (JsonNode violation : detail.path("fieldViolations")) {
                    if ("message.token".equals(violation.path("field").asString(""))) {
                        return true;
                    }
                }
            }
            return error.path("message").asString("").toLowerCase(Locale.ROOT).contains("registration token");
        } catch (JacksonException notJson) {
            return false;
        }
    }

    /** The token endpoint refused the service account for good (a revoked or deleted key), not for now. */
    private static boolean credentialsRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Retryable retryable && !retryable.isRetryable()) {
                return true;
            }
        }
        return false;
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Deletes this adapter's app: its threads and token refresher stop, its name is free again. */
    @Override
    public void close() {
        if (app != null) {
            app.delete();
        }
    }

    /**
     * The JDK's HTTP client under Google's API client. With a {@code baseUrl}, every request goes to it
     * with the path and query the SDK asked for, whatever the host: the SDK has no setting for FCM's host.
     */
    static HttpTransport transport(Optional<URI> baseUrl) {
        NetHttpTransport.Builder builder = new NetHttpTransport.Builder();
        baseUrl.ifPresent(base -> {
            String root = base.toString().replaceAll("/+$", "");
            builder.setConnectionFactory(url ->
                    (HttpURLConnection) URI.create(root + url.getFile()).toURL().openConnection());
        });
        return builder.build();
    }
}
