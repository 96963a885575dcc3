package com.clinic.notifications;

import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.notifications.application.port.InAppDelivery;
import com.clinic.notifications.application.port.InAppDelivery.Notice;
import com.clinic.notifications.application.port.NotificationReadModel;
import com.clinic.notifications.application.port.RenderedText;
import com.clinic.notifications.domain.NotificationStatus;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData.Site;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import com.clinic.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live inbox, read by a real HTTP client: its first event at once, then one whenever a notice
 * for the user is stored or read, whether this instance stored it or another instance did (a
 * separate connection that inserts and NOTIFYs). Marking a notice read also tells its notification.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    InAppDelivery delivery;

    @Autowired
    NotificationReadModel history;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    private Api api;
    private Site site;

    @BeforeAll
    void aClinic() {
        api = Api.on(port);
        site = newSite(api.as(Sessions.admin(api)), "Asia/Riyadh");
    }

    @Test
    void aStreamShowsTheUnreadCountAndNewestNoticeAtOnceAndOnEveryNewOrReadNotice() {
        Sessions.Session user = someone();
        Api self = api.as(user.accessToken());
        UUID userId = user.userId();
        UUID someoneElse = UUID.randomUUID();

        try (Inbox inbox = Inbox.open(port, user.accessToken())) {
            JsonNode first = inbox.next();
            assertThat(first.path("unread").asLong()).isZero();
            assertThat(first.path("newest").isNull()).isTrue();

            UUID booked = UUID.randomUUID();
            store(booked, userId, new RenderedText(Optional.of("Booked"), "Your appointment is booked", "en"));
            JsonNode arrived = inbox.next();
            assertThat(arrived.path("unread").asLong()).isEqualTo(1);
            assertThat(arrived.path("newest").path("id").asString()).isEqualTo(booked.toString());
            assertThat(arrived.path("newest").path("title").asString()).isEqualTo("Booked");
            assertThat(arrived.path("newest").path("message").asString()).isEqualTo("Your appointment is booked");
            assertThat(arrived.path("newest").path("language").asString()).isEqualTo("en");
            assertThat(self.get("/api/v1/me/notifications/unread-count")
                            .json("unread")
                            .asLong())
                    .isEqualTo(1);

            // Someone else's notice tells this stream nothing: the next event is this user's read.
            store(UUID.randomUUID(), someoneElse, new RenderedText(Optional.empty(), "not yours", "en"));
            assertThat(self.post("/api/v1/me/notifications/" + booked + "/read", null)
                            .status())
                    .isEqualTo(204);
            JsonNode read = inbox.next();
            assertThat(read.path("unread").asLong()).isZero();
            assertThat(read.path("newest").path("readAt").isNull()).isFalse();
            assertThat(self.get("/api/v1/me/notifications/unread-count")
                            .json("unread")
                            .asLong())
                    .isZero();
        }
    }

    @Test
    void aNoticeStoredByAnotherInstanceReachesThisInstancesStream() throws Exception {
        Sessions.Session user = someone();
        UUID userId = user.userId();
        UUID id = UUID.randomUUID();

        try (Inbox inbox = Inbox.open(port, user.accessToken())) {
            assertThat(inbox.next().path("unread").asLong()).isZero();

            // What another instance's dispatcher does: insert the row and NOTIFY, in one transaction.
            TestDatabase.Connection db = TestDatabase.get();
            try (Connection other = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                other.setAutoCommit(false);
                try (PreparedStatement insert = other.prepareStatement(
                                "insert into in_app_notification (id, recipient_user_id, template, parameters, created_at,"
                                        + " title, body, language) values (?, ?, 'waitlist.offer-made', '{}'::jsonb, now(),"
                                        + " null, 'عُرض عليك موعد', 'ar')");
                        PreparedStatement notify =
                                other.prepareStatement("select pg_notify('in_app_notification', ?)")) {
                    insert.setObject(1, id);
                    insert.setObject(2, userId);
                    insert.executeUpdate();
                    notify.setString(1, userId.toString());
                    notify.execute();
                }
                other.commit();
            }

            JsonNode arrived = inbox.next();
            assertThat(arrived.path("unread").asLong()).isEqualTo(1);
            assertThat(arrived.path("newest").path("id").asString()).isEqualTo(id.toString());
            assertThat(arrived.path("newest").path("message").asString()).isEqualTo("عُرض عليك موعد");
        }
    }

    @Test
    void markingANoticeReadRecordsTheReadInItsNotificationsHistory() {
        Sessions.Session user = someone();
        Api self = api.as(user.accessToken());
        UUID userId = user.userId();
        GivenNotifications given = new GivenNotifications(context);
        UUID notification = given.sentInApp(userId, site.clinicId());
        store(notification, userId, new RenderedText(Optional.empty(), "Your appointment is booked", "en"));
        UUID older = UUID.randomUUID();
        transactions.executeWithoutResult(
                status -> delivery.send(new Notice(userId, "waitlist.offer-expired", Map.of(), clock.instant())));
        String olderId = null;
        for (JsonNode item : self.get("/api/v1/me/notifications?unread=true").json("items")) {
            if (item.path("template").asString().equals("waitlist.offer-expired")) {
                olderId = item.path("id").asString();
            }
        }
        assertThat(olderId).isNotNull();

        assertThat(self.post("/api/v1/me/notifications/" + notification + "/read", null)
                        .status())
                .isEqualTo(204);
        assertThat(self.post("/api/v1/me/notifications/" + olderId + "/read", null)
                        .status())
                .as("a notice with no notification behind it is simply read")
                .isEqualTo(204);
        assertThat(self.post("/api/v1/me/notifications/" + older + "/read", null)
                        .status())
                .isEqualTo(404);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        history.find(notification).orElseThrow().status())
                .isEqualTo(NotificationStatus.READ));
        assertThat(self.get("/api/v1/me/notifications/unread-count")
                        .json("unread")
                        .asLong())
                .isZero();
    }

    @Test
    void aStreamIsOnlyForTheSignedIn() {
        assertThat(Inbox.status(port, null)).isEqualTo(401);
    }

    private void store(UUID id, UUID userId, RenderedText text) {
        transactions.executeWithoutResult(
                status -> delivery.send(Notice.rendered(id, userId, "appointment.booked", text, clock.instant())));
    }

    /** Anyone signed in has an inbox; a receptionist's session names its token. */
    private Sessions.Session someone() {
        return Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId());
    }

    /** An open inbox stream, its events handed over as they arrive. */
    static final class Inbox implements AutoCloseable {

        private static final HttpClient CLIENT =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;
        private final Thread reader;

        private Inbox(Stream<String> lines) {
            this.lines = lines;
            this.reader = Thread.ofVirtual().start(this::read);
        }

        static Inbox open(int port, String token) {
            try {
                HttpResponse<Stream<String>> response =
                        CLIENT.send(request(port, token), HttpResponse.BodyHandlers.ofLines());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
                return new Inbox(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static int status(int port, String token) {
            try {
                return CLIENT.send(request(port, token), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static HttpRequest request(int port, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/me/notifications/stream"))
                    .header("Accept", "text/event-stream")
                    .GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.build();
        }

        /** The next inbox event, waiting for it at most the test's patience. */
        JsonNode next() {
            try {
                JsonNode event = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(event).as("an inbox event within " + PATIENCE).isNotNull();
                return event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** text/event-stream framing: fields, then a blank line; comments (keep-alives) are skipped. */
        private void read() {
            String name = "message";
            List<String> data = new ArrayList<>();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (name.equals("inbox") && !data.isEmpty()) {
                            events.add(JSON.readTree(String.join("\n", data)));
                        }
                        name = "message";
                        data.clear();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (RuntimeException closed) {
                // closed by the test, or ended by the server
            }
        }

        @Override
        public void close() {
            lines.close();
            reader.interrupt();
        }
    }
}
