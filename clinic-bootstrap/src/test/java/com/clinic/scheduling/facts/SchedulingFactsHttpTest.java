package com.clinic.scheduling.facts;

import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.AppointmentChanged;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * The facts over the real API: a patient who registered themselves holds, confirms and moves their
 * own appointment; the desk moves and cancels it. Whether the patient acted comes from their own
 * login, as the directory knows it. Each write asks {@code Prefer: wait-for=processes}, so it is
 * answered once the facts processor has published what the write caused.
 */
@IntegrationTest
class SchedulingFactsHttpTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final String WAIT = "wait-for=processes";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final List<AppointmentChanged> announced = new CopyOnWriteArrayList<>();
    private ApplicationListener<PayloadApplicationEvent<AppointmentChanged>> recorder;
    private UUID patientId;

    @BeforeEach
    void listen() {
        recorder = published -> {
            if (published.getPayload().patientId().equals(patientId)) {
                announced.add(published.getPayload());
            }
        };
        ((ConfigurableApplicationContext) context).addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        ((ConfigurableApplicationContext) context).removeApplicationListener(recorder);
    }

    @Test
    void thePatientsOwnChangesAreThePatientsAndTheDesksAreTheClinics() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        AvailabilityTestData.Site site = newSite(admin, RIYADH.getId());
        AvailabilityTestData.Doctor doctor = newDoctor(api, admin, site, "dermatology");
        UUID typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        Api.Response schedule = admin.header("If-None-Match", "*")
                .put(schedulePath(doctor.doctorId(), site.branchId()), everyDay("08:00", "20:00"));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        Api reception = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
        UUID receptionUser = userId(reception);
        Api patient = newPatient(api, site.branchId());
        UUID patientUser = userId(patient);
        patientId =
                UUID.fromString(patient.get("/api/v1/patients/me").json("id").asString());
        List<Instant> free = freeStarts(patient, doctor.doctorId(), site.branchId(), typeId);
        Instant first = free.get(2);
        Instant second = free.get(6);
        Instant third = free.get(10);

        Api.Response held = patient.header("Prefer", WAIT)
                .post("/api/v1/appointments/holds", Map.of("slot", slot(doctor.doctorId(), site, typeId, first)));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.header("Preference-Applied")).contains(WAIT);
        String path = "/api/v1/appointments/" + held.json("appointmentId").asString();
        accepted(patient.header("Prefer", WAIT).post(path + "/confirm", Map.of()));
        accepted(patient.header("Prefer", WAIT)
                .post(path + "/reschedule", Map.of("slot", slot(doctor.doctorId(), site, typeId, second))));
        accepted(reception
                .header("Prefer", WAIT)
                .post(path + "/reschedule", Map.of("slot", slot(doctor.doctorId(), site, typeId, third))));
        accepted(reception
                .header("Prefer", WAIT)
                .post(path + "/cancel", Map.of("reason", "DOCTOR_UNAVAILABLE", "note", "on leave")));

        assertThat(announced)
                .extracting(fact -> fact.getClass().getSimpleName())
                .containsExactly("Held", "Booked", "Rescheduled", "Rescheduled", "Cancelled");
        assertThat(announced).allSatisfy(fact -> {
            assertThat(fact.appointmentId().toString())
                    .isEqualTo(held.json("appointmentId").asString());
            assertThat(fact.clinicId()).isEqualTo(site.clinicId());
            assertThat(fact.branchId()).isEqualTo(site.branchId());
            assertThat(fact.doctorId()).isEqualTo(doctor.doctorId());
            assertThat(fact.zone()).isEqualTo(RIYADH);
            assertThat(Duration.between(fact.start(), fact.end())).isEqualTo(Duration.ofMinutes(30));
        });
        AppointmentChanged.Held hold = (AppointmentChanged.Held) announced.get(0);
        assertThat(hold.start()).isEqualTo(first);
        assertThat(hold.heldBy()).isEqualTo(patientUser);
        assertThat(hold.holdUntil())
                .isEqualTo(Instant.parse(held.json("holdUntil").asString()));
        AppointmentChanged.Booked booked = (AppointmentChanged.Booked) announced.get(1);
        assertThat(booked.fromHold()).isTrue();
        assertThat(booked.bookedBy()).isEqualTo(patientUser);
        AppointmentChanged.Rescheduled byPatient = (AppointmentChanged.Rescheduled) announced.get(2);
        assertThat(byPatient.previousStart()).isEqualTo(first);
        assertThat(byPatient.start()).isEqualTo(second);
        assertThat(byPatient.rescheduledBy()).isEqualTo(patientUser);
        assertThat(byPatient.byPatient()).isTrue();
        AppointmentChanged.Rescheduled byClinic = (AppointmentChanged.Rescheduled) announced.get(3);
        assertThat(byClinic.previousStart()).isEqualTo(second);
        assertThat(byClinic.start()).isEqualTo(third);
        assertThat(byClinic.rescheduledBy()).isEqualTo(receptionUser);
        assertThat(byClinic.byPatient()).isFalse();
        AppointmentChanged.Cancelled cancelled = (AppointmentChanged.Cancelled) announced.get(4);
        assertThat(cancelled.start()).isEqualTo(third);
        assertThat(cancelled.reason()).isEqualTo("DOCTOR_UNAVAILABLE");
        assertThat(cancelled.late()).isFalse();
        assertThat(cancelled.wasHold()).isFalse();
        assertThat(cancelled.cancelledBy()).isEqualTo(receptionUser);
        assertThat(cancelled.byPatient()).isFalse();
        assertThat(announced).extracting(AppointmentChanged::eventId).doesNotHaveDuplicates();
    }

    private static void accepted(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        assertThat(response.header("Preference-Applied")).contains(WAIT);
    }

    private static UUID userId(Api caller) {
        return UUID.fromString(caller.get("/api/v1/me").json("userId").asString());
    }

    private static Map<String, Object> slot(UUID doctorId, AvailabilityTestData.Site site, UUID typeId, Instant start) {
        return Map.of(
                "doctorId",
                doctorId,
                "branchId",
                site.branchId(),
                "appointmentTypeId",
                typeId,
                "start",
                start.toString());
    }

    /** Free starts over the coming days, earliest first: days ahead, so no change is a late one. */
    private static List<Instant> freeStarts(Api caller, UUID doctorId, UUID branchId, UUID typeId) {
        LocalDate from = LocalDate.now(RIYADH).plusDays(3);
        Api.Response slots = caller.get("/api/v1/slots?doctorId=" + doctorId + "&branchId=" + branchId
                + "&appointmentTypeId=" + typeId + "&from=" + from + "&to=" + from.plusDays(3) + "&limit=50");
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        List<Instant> starts = new ArrayList<>();
        for (JsonNode slot : slots.body().path("items")) {
            starts.add(Instant.parse(slot.path("startUtc").asString()));
        }
        assertThat(starts).hasSizeGreaterThan(10);
        return starts;
    }
}
