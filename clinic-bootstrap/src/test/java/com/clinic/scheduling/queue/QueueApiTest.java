package com.clinic.scheduling.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.scheduling.queue.QueueHttp.Response;
import com.clinic.scheduling.queue.QueueWorld.Doctor;
import com.clinic.scheduling.queue.QueueWorld.User;
import com.clinic.support.IntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The queue over HTTP with real accounts and tokens: a whole waiting-room day, who may do what
 * (the role and scope matrix), and bad input answered with problems, never a 500.
 */
@IntegrationTest
class QueueApiTest {

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
        return queue(doctorId, world.branchId);
    }

    private static String queue(UUID doctorId, UUID branchId) {
        return "/api/v1/queues/" + doctorId + "/" + branchId;
    }

    private static String ticket(String ticketId) {
        return "/api/v1/queues/tickets/" + ticketId;
    }

    private String board(UUID doctorId) {
        return queue(doctorId) + "/" + world.today();
    }

    private Response issue(UUID doctorId, User by, UUID patientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (patientId != null) {
            body.put("patientId", patientId.toString());
        }
        return http.post(queue(doctorId) + "/tickets", by == null ? null : by.token(), body);
    }

    private static void expect(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    private static void expectProblem(Response response, int status, String code) {
        expect(response, status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.code()).isEqualTo(code);
        }
    }

    @Test
    void receptionRunsTheWaitingRoomWhileTheDoctorCallsAndSeesTheirOwnQueue() {
        Doctor doctor = world.freshDoctor(world.branchId);
        Doctor colleague = world.freshDoctor(world.branchId);
        String reception = world.receptionist.token();

        Response registered = issue(doctor.doctorId(), world.receptionist, world.patientId);
        expect(registered, 201);
        String registeredId = registered.body().get("ticketId").asString();
        assertThat(registered.body().get("number").asInt()).isEqualTo(1);
        assertThat(registered.location()).contains(ticket(registeredId));
        assertThat(registered.body().get("date").asString())
                .isEqualTo(world.today().toString());
        Response anonymous = http.post(queue(doctor.doctorId()) + "/tickets", reception, null);
        expect(anonymous, 201);
        String anonymousId = anonymous.body().get("ticketId").asString();
        assertThat(anonymous.body().get("number").asInt()).isEqualTo(2);

        expect(
                http.post(
                        ticket(anonymousId) + "/prioritise",
                        reception,
                        Map.of("priority", "DISABLED", "reason", "uses a wheelchair")),
                204);
        Response called =
                http.post(queue(doctor.doctorId()) + "/call-next", doctor.user().token(), null);
        expect(called, 200);
        assertThat(called.body().get("ticketId").asString()).isEqualTo(anonymousId);
        expect(http.post(ticket(anonymousId) + "/recall", doctor.user().token(), null), 204);
        expect(http.post(ticket(anonymousId) + "/start", doctor.user().token(), null), 204);

        // The board is a read model: it follows the commands within moments.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response board = http.get(board(doctor.doctorId()), doctor.user().token());
            expect(board, 200);
            assertThat(board.body().at("/inService/0/ticketId").asString()).isEqualTo(anonymousId);
            assertThat(board.body().at("/inService/0/priorityReason").asString())
                    .isEqualTo("uses a wheelchair");
            assertThat(board.body().at("/waiting/0/ticketId").asString()).isEqualTo(registeredId);
            assertThat(board.body().at("/waiting/0/position").asInt()).isEqualTo(1);
            assertThat(board.body().at("/waiting/0/patientId").asString()).isEqualTo(world.patientId.toString());
            // planned 15 minutes, nobody measured yet, the consultation just started
            assertThat(board.body().get("typicalConsultationSeconds").asLong()).isEqualTo(900);
            assertThat(board.body().at("/waiting/0/estimatedWaitSeconds").asLong())
                    .isBetween(870L, 900L);
        });
        expect(http.post(ticket(anonymousId) + "/finish", doctor.user().token(), null), 204);

        Response moved = http.post(
                ticket(registeredId) + "/transfer",
                reception,
                Map.of("toDoctorId", colleague.doctorId().toString()));
        expect(moved, 200);
        assertThat(moved.body().get("ticketId").asString()).isEqualTo(registeredId);
        assertThat(moved.body().get("doctorId").asString())
                .isEqualTo(colleague.doctorId().toString());
        assertThat(moved.body().get("number").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response mine = http.get(ticket(registeredId), world.patient.token());
            expect(mine, 200);
            assertThat(mine.body().get("doctorId").asString())
                    .isEqualTo(colleague.doctorId().toString());
            assertThat(mine.body().get("position").asInt()).isEqualTo(1);
        });

        Response next = http.post(
                queue(colleague.doctorId()) + "/call-next", colleague.user().token(), null);
        expect(next, 200);
        assertThat(next.body().get("ticketId").asString()).isEqualTo(registeredId);
        expect(http.post(ticket(registeredId) + "/skip", reception, null), 204);
        expect(http.post(ticket(registeredId) + "/no-show", reception, null), 204);
        // the patient's ticket still answers, with how it ended, once the board caught up
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(http.get(ticket(registeredId), world.patient.token())
                                .body()
                                .get("progress")
                                .asString())
                        .isEqualTo("NO_SHOW"));
    }

    @Test
    void receptionAndManagersHandOutTicketsOnlyWithinTheirScope() {
        Doctor doctor = world.freshDoctor(world.branchId);

        expect(issue(doctor.doctorId(), world.receptionist, null), 201);
        expect(issue(doctor.doctorId(), world.manager, null), 201);
        expect(issue(doctor.doctorId(), world.admin, null), 201);
        expectProblem(issue(doctor.doctorId(), world.secondBranchReceptionist, null), 403, "forbidden");
        expectProblem(issue(doctor.doctorId(), world.otherClinicManager, null), 403, "forbidden");
        expectProblem(issue(doctor.doctorId(), doctor.user(), null), 403, "forbidden");
        expectProblem(issue(doctor.doctorId(), world.patient, null), 403, "forbidden");
        expectProblem(issue(doctor.doctorId(), null, null), 401, "unauthorized");
    }

    @Test
    void onlyTheDoctorAndTheirManagersCallAndSeePatients() {
        Doctor doctor = world.freshDoctor(world.branchId);
        String first = issue(doctor.doctorId(), world.receptionist, null)
                .body()
                .get("ticketId")
                .asString();
        String second = issue(doctor.doctorId(), world.receptionist, null)
                .body()
                .get("ticketId")
                .asString();
        String callNext = queue(doctor.doctorId()) + "/call-next";

        expectProblem(http.post(callNext, world.colleague.token(), null), 403, "forbidden");
        expectProblem(http.post(callNext, world.receptionist.token(), null), 403, "forbidden");
        expectProblem(http.post(callNext, world.otherClinicManager.token(), null), 403, "forbidden");
        expectProblem(http.post(callNext, world.patient.token(), null), 403, "forbidden");
        expect(http.post(callNext, doctor.user().token(), null), 200);

        expectProblem(http.post(ticket(first) + "/start", world.receptionist.token(), null), 403, "forbidden");
        expectProblem(http.post(ticket(first) + "/start", world.colleague.token(), null), 403, "forbidden");
        expect(http.post(ticket(first) + "/start", doctor.user().token(), null), 204);
        expect(http.post(callNext, world.manager.token(), null), 200);
        expectProblem(http.post(ticket(second) + "/recall", world.secondBranchReceptionist.token(), null), 403, null);
        expect(http.post(ticket(second) + "/recall", world.receptionist.token(), null), 204);
        expectProblem(
                http.post(
                        ticket(second) + "/prioritise",
                        doctor.user().token(),
                        Map.of("priority", "EMERGENCY", "reason", "collapsed")),
                403,
                "forbidden");
        expect(http.post(ticket(first) + "/finish", world.admin.token(), null), 204);
    }

    @Test
    void theBoardIsForTheQueuesStaffAndATicketForItsPatient() {
        Doctor doctor = world.freshDoctor(world.branchId);
        String patients = issue(doctor.doctorId(), world.receptionist, world.patientId)
                .body()
                .get("ticketId")
                .asString();
        String someoneElses = issue(doctor.doctorId(), world.receptionist, null)
                .body()
                .get("ticketId")
                .asString();

        for (User allowed : new User[] {doctor.user(), world.receptionist, world.manager, world.admin}) {
            expect(http.get(board(doctor.doctorId()), allowed.token()), 200);
        }
        for (User refused :
                new User[] {world.colleague, world.secondBranchReceptionist, world.otherClinicManager, world.patient}) {
            expectProblem(http.get(board(doctor.doctorId()), refused.token()), 403, "forbidden");
        }
        expectProblem(http.get(board(doctor.doctorId()), null), 401, "unauthorized");

        expect(http.get(ticket(patients), world.patient.token()), 200);
        // Someone else's ticket is answered like an unknown one, so ticket ids cannot be probed.
        expectProblem(http.get(ticket(someoneElses), world.patient.token()), 404, "queue.ticket-not-found");
        expectProblem(
                http.get(ticket(UUID.randomUUID().toString()), world.patient.token()), 404, "queue.ticket-not-found");
        expect(http.get(ticket(someoneElses), world.receptionist.token()), 200);
        expectProblem(
                http.get(ticket(someoneElses), world.secondBranchReceptionist.token()), 404, "queue.ticket-not-found");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Doctor doctor = world.freshDoctor(world.branchId);
        String reception = world.receptionist.token();
        String tickets = queue(doctor.doctorId()) + "/tickets";

        expectProblem(
                http.post("/api/v1/queues/not-a-uuid/" + world.branchId + "/tickets", reception, null),
                400,
                "validation");
        expectProblem(http.post(tickets, reception, Map.of("patientId", "nope")), 400, "validation");
        expectProblem(http.post(tickets, reception, Map.of("name", "Walk In")), 400, "validation");
        expectProblem(http.post(tickets, reception, "{\"patientId\":"), 400, "malformed-json");
        expectProblem(
                http.post(
                        tickets,
                        reception,
                        Map.of("patientId", UUID.randomUUID().toString())),
                422,
                "queue.patient-unknown");
        expectProblem(
                http.post(queue(world.secondBranchDoctorId) + "/tickets", reception, null),
                422,
                "queue.doctor-not-at-branch");
        expectProblem(
                http.post(queue(doctor.doctorId(), UUID.randomUUID()) + "/tickets", world.admin.token(), null),
                404,
                "queue.branch-not-found");
        expectProblem(
                http.post(queue(doctor.doctorId()) + "/call-next", doctor.user().token(), null),
                409,
                "queue.nobody-waiting");

        String id = http.post(tickets, reception, null).body().get("ticketId").asString();
        expectProblem(http.post(ticket(id) + "/prioritise", reception, Map.of()), 400, "validation");
        expectProblem(http.post(ticket(id) + "/prioritise", reception, Map.of("priority", "VIP")), 400, "validation");
        expectProblem(
                http.post(ticket(id) + "/prioritise", reception, Map.of("priority", "EMERGENCY", "reason", "  ")),
                422,
                "queue.priority-reason-required");
        expectProblem(
                http.post(
                        ticket(id) + "/prioritise",
                        reception,
                        Map.of("priority", "ELDERLY", "reason", "x".repeat(501))),
                400,
                "validation");
        expectProblem(http.post(ticket(id) + "/transfer", reception, Map.of()), 400, "validation");
        expectProblem(
                http.post(
                        ticket(id) + "/transfer",
                        reception,
                        Map.of("toDoctorId", world.secondBranchDoctorId.toString())),
                422,
                "queue.doctor-not-at-branch");
        expectProblem(
                http.post(
                        ticket(id) + "/transfer",
                        reception,
                        Map.of("toDoctorId", doctor.doctorId().toString())),
                422,
                "queue.transfer-to-same-queue");
        expectProblem(
                http.post(ticket(id) + "/finish", doctor.user().token(), null), 409, "queue.ticket-not-in-service");
        Response arabic = http.post(ticket(id) + "/recall", reception, null, "ar");
        expectProblem(arabic, 409, "queue.ticket-not-called");
        assertThat(arabic.body().get("title").asString()).isEqualTo("لم يُنادَ على التذكرة");
        assertThat(arabic.body().get("detail").asString()).contains("1");
        expectProblem(
                http.post(ticket(UUID.randomUUID().toString()) + "/skip", reception, null),
                404,
                "queue.ticket-not-found");
        expectProblem(http.get(queue(doctor.doctorId()) + "/2026-13-45", reception), 400, "validation");
    }
}
