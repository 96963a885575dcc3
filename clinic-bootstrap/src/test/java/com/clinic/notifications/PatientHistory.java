package com.clinic.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** What the notification tests do over HTTP: book for a patient, and read what the patient was sent. */
final class PatientHistory {

    private PatientHistory() {}

    /** Books {@code start} for the patient, waiting for the processes it sets off; the appointment's id. */
    static String book(Api staff, UUID patientId, UUID doctorId, UUID branchId, UUID typeId, Instant start) {
        Map<String, Object> slot = Map.of(
                "doctorId", doctorId, "branchId", branchId, "appointmentTypeId", typeId, "start", start.toString());
        Api.Response booked = staff.header("Prefer", "wait-for=processes")
                .post("/api/v1/appointments", Map.of("patientId", patientId, "slot", slot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.json("appointmentId").asString();
    }

    /** The patient's notification history once {@code complete} holds for it (within 30 s). */
    static List<JsonNode> awaitUntil(Api staff, UUID patientId, Predicate<List<JsonNode>> complete) {
        List<JsonNode> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            last.clear();
            Api.Response page = staff.get("/api/v1/patients/" + patientId + "/notifications?limit=100");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json("items").forEach(last::add);
            assertThat(complete.test(last)).as(last.toString()).isTrue();
        });
        return last;
    }
}
