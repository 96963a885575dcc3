package com.clinic.scheduling.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.scheduling.application.queue.QueueIds;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.queue.QueueHttp.Event;
import com.clinic.scheduling.queue.QueueHttp.EventStream;
import com.clinic.scheduling.queue.QueueWorld.Doctor;
import com.clinic.support.IntegrationTest;
import com.clinic.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;

/**
 * Live updates read by a real HTTP client from the event stream: a display's board, a patient's own
 * ticket, and a change made and announced by another instance (a separate database connection that
 * writes the board and NOTIFYs) reaching this instance's subscribers. The periodic refresh is off in
 * the tests (clinic.queue.stream.refresh), so every event after the first is caused by a notification.
 */
@IntegrationTest
class QueueStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private QueueWorld world;
    private QueueHttp http;

    @BeforeEach
    void setUp() {
        world = QueueWorld.in(context);
        http = new QueueHttp(port);
    }

    private String queue(UUID doctorId) {
        return "/api/v1/queues/" + doctorId + "/" + world.branchId;
    }

    private String issue(UUID doctorId, UUID patientId) {
        Object body = patientId == null ? null : Map.of("patientId", patientId.toString());
        return http.post(queue(doctorId) + "/tickets", world.receptionist.token(), body)
                .body()
                .get("ticketId")
                .asString();
    }

    private static JsonNode lastBoard(EventStream stream) {
        return stream.last("board").orElseThrow().data();
    }

    private static JsonNode lastTicket(EventStream stream) {
        return stream.last("ticket").orElseThrow().data();
    }

    @Test
    void aDisplayGetsTheBoardAtOnceAndAgainOnEveryChangeWithNumbersOnly() {
        Doctor doctor = world.freshDoctor(world.branchId);
        String path = queue(doctor.doctorId()) + "/" + world.today() + "/stream";

        try (EventStream display = http.stream(path, world.receptionist.token())) {
            await().atMost(PATIENCE)
                    .ignoreException(NoSuchElementException.class)
                    .untilAsserted(() -> {
                        assertThat(lastBoard(display).get("waiting")).isEmpty();
                        assertThat(lastBoard(display).get("version").asLong()).isEqualTo(-1);
                    });

            issue(doctor.doctorId(), world.patientId);
            issue(doctor.doctorId(), null);

            await().atMost(PATIENCE)
                    .ignoreException(NoSuchElementException.class)
                    .untilAsserted(() -> {
                        JsonNode board = lastBoard(display);
                        assertThat(board.get("waiting")).hasSize(2);
                        assertThat(board.at("/waiting/0/number").asInt()).isEqualTo(1);
                        assertThat(board.at("/waiting/0/estimatedWaitSeconds").asLong())
                                .isZero();
                        assertThat(board.at("/waiting/1/position").asInt()).isEqualTo(2);
                        assertThat(board.at("/waiting/1/estimatedWaitSeconds").asLong())
                                .isEqualTo(900);
                    });
            for (Event event : display.events()) {
                assertThat(event.data().toString()).doesNotContain(world.patientId.toString());
                assertThat(event.data().at("/waiting/0").has("patientId")).isFalse();
            }
        }
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceReachesThisInstancesDisplay() throws Exception {
        Doctor doctor = world.freshDoctor(world.branchId);
        String ticketId = issue(doctor.doctorId(), null);
        UUID queueId = QueueIds.of(new QueueKey(doctor.doctorId(), world.branchId, world.today()));
        String path = queue(doctor.doctorId()) + "/" + world.today() + "/stream";

        try (EventStream display = http.stream(path, world.receptionist.token())) {
            await().atMost(PATIENCE)
                    .ignoreException(NoSuchElementException.class)
                    .untilAsserted(() -> assertThat(
                                    lastBoard(display).at("/waiting/0/priority").asString())
                            .isEqualTo("NORMAL"));
            long before = lastBoard(display).get("version").asLong();

            // What another instance's projection does: write the board and NOTIFY, in one transaction.
            TestDatabase.Connection db = TestDatabase.get();
            try (Connection other = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                other.setAutoCommit(false);
                try (PreparedStatement write = other.prepareStatement(
                                "update queue_board_ticket set priority = 'EMERGENCY' where ticket_id = ?");
                        PreparedStatement version = other.prepareStatement(
                                "update queue_board set version = version + 100 where queue_id = ?");
                        PreparedStatement notify = other.prepareStatement("select pg_notify('queue_changed', ?)")) {
                    write.setObject(1, UUID.fromString(ticketId));
                    write.executeUpdate();
                    version.setObject(1, queueId);
                    version.executeUpdate();
                    notify.setString(1, queueId.toString());
                    notify.execute();
                }
                other.commit();
            }

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode board = lastBoard(display);
                assertThat(board.at("/waiting/0/priority").asString()).isEqualTo("EMERGENCY");
                assertThat(board.get("version").asLong()).isEqualTo(before + 100);
            });
            Event last = display.last("board").orElseThrow();
            assertThat(last.id()).isEqualTo(String.valueOf(before + 100));
        }
    }

    @Test
    void aPatientFollowsTheirOwnPlaceAndEstimatedWait() {
        Doctor doctor = world.freshDoctor(world.branchId);
        String ahead = issue(doctor.doctorId(), null);
        String mine = issue(doctor.doctorId(), world.patientId);
        String token = doctor.user().token();

        try (EventStream ticket = http.stream("/api/v1/queues/tickets/" + mine + "/stream", world.patient.token())) {
            await().atMost(PATIENCE)
                    .ignoreException(NoSuchElementException.class)
                    .untilAsserted(() -> {
                        JsonNode progress = lastTicket(ticket);
                        assertThat(progress.get("progress").asString()).isEqualTo("WAITING");
                        assertThat(progress.get("position").asInt()).isEqualTo(2);
                        assertThat(progress.get("estimatedWaitSeconds").asLong())
                                .isEqualTo(900);
                        assertThat(progress.get("number").asInt()).isEqualTo(2);
                    });

            http.post(queue(doctor.doctorId()) + "/call-next", token, null);
            http.post("/api/v1/queues/tickets/" + ahead + "/start", token, null);
            await().atMost(PATIENCE)
                    .ignoreException(NoSuchElementException.class)
                    .untilAsserted(() -> {
                        JsonNode progress = lastTicket(ticket);
                        assertThat(progress.get("position").asInt()).isEqualTo(1);
                        assertThat(progress.get("nowServing"))
                                .extracting(JsonNode::asInt)
                                .containsExactly(1);
                        assertThat(progress.get("estimatedWaitSeconds").asLong())
                                .isBetween(870L, 900L);
                    });

            http.post("/api/v1/queues/tickets/" + ahead + "/finish", token, null);
            http.post(queue(doctor.doctorId()) + "/call-next", token, null);
            await().atMost(PATIENCE)
                    .ignoreException(NoSuchElementException.class)
                    .untilAsserted(() -> {
                        JsonNode progress = lastTicket(ticket);
                        assertThat(progress.get("progress").asString()).isEqualTo("CALLED");
                        assertThat(progress.has("position")).isTrue();
                        assertThat(progress.get("position").isNull()).isTrue();
                    });
        }
    }

    @Test
    void whenTheInstanceStopsStreamingEveryStreamEndsCleanlySoClientsReconnect() {
        Doctor doctor = world.freshDoctor(world.branchId);
        String mine = issue(doctor.doctorId(), world.patientId);
        SmartLifecycle streams = context.getBean("queueStreams", SmartLifecycle.class);

        try (EventStream display = http.stream(
                        queue(doctor.doctorId()) + "/" + world.today() + "/stream", world.receptionist.token());
                EventStream ticket = http.stream("/api/v1/queues/tickets/" + mine + "/stream", world.patient.token())) {
            await().atMost(PATIENCE)
                    .until(() -> display.last("board").isPresent()
                            && ticket.last("ticket").isPresent());

            streams.stop();

            // A proper end of the chunked response, not a connection torn by a refused async dispatch.
            assertThat(display.ended()).succeedsWithin(PATIENCE);
            assertThat(ticket.ended()).succeedsWithin(PATIENCE);
        } finally {
            streams.start();
        }
    }

    @Test
    void streamsAreAuthorisedWhenTheyOpen() {
        Doctor doctor = world.freshDoctor(world.branchId);
        String someoneElses = issue(doctor.doctorId(), null);
        String board = queue(doctor.doctorId()) + "/" + world.today() + "/stream";

        assertThat(http.streamStatus("/api/v1/queues/tickets/" + someoneElses + "/stream", world.patient.token()))
                .as("someone else's ticket, like an unknown one")
                .isEqualTo(404);
        assertThat(http.streamStatus(board, world.patient.token())).isEqualTo(403);
        assertThat(http.streamStatus(board, world.colleague.token())).isEqualTo(403);
        assertThat(http.streamStatus(board, null)).isEqualTo(401);
        assertThat(http.streamStatus("/api/v1/queues/tickets/" + UUID.randomUUID() + "/stream", world.admin.token()))
                .isEqualTo(404);
    }
}
