package com.clinic.scheduling.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.scheduling.AppointmentChanged;
import com.clinic.scheduling.GivenClinic;
import com.clinic.scheduling.application.facts.SchedulingFacts;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProcessSpecification;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * Facts are news, not a read model: rebuilding every projection from the store must not announce
 * anything again. The facts processor is listed as a process that cannot be replayed, is paused
 * (keeping its position) while the projections rebuild, and afterwards announces only what is new.
 */
@IntegrationTest
class SchedulingFactsReplayTest {

    private static final String STATUS = "/api/v1/admin/projections";
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Duration VISIT = Duration.ofMinutes(30);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void replayingEveryProjectionAnnouncesNothingAgainAndTheNextChangeIsAnnouncedOnce() {
        Api admin = Api.on(port).as(Sessions.admin(Api.on(port)));
        UUID doctor = UUID.randomUUID();
        UUID type = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID reception = UUID.randomUUID();
        UUID appointmentId = UUID.randomUUID();
        List<AppointmentChanged> announced = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<AppointmentChanged>> recorder = published -> {
            if (published.getPayload().appointmentId().equals(appointmentId)) {
                announced.add(published.getPayload());
            }
        };
        ConfigurableApplicationContext application = (ConfigurableApplicationContext) context;
        application.addApplicationListener(recorder);
        try (ProcessSpecification spec = ProcessSpecification.of(context, SchedulingFacts.PROCESSING_GROUP)) {
            GivenClinic clinic = new GivenClinic(context, RIYADH, spec.now());
            spec.given(clinic.opened());
            spec.given(
                    clinic.doctor(doctor, "cardiology"), clinic.appointmentType(type, VISIT), clinic.patient(patient));
            AppointmentSlot slot = clinic.slot(
                    doctor, type, VISIT, spec.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES));
            spec.givenSent(new BookAppointment(appointmentId, patient, slot, reception, Optional.empty(), spec.now()));
            assertThat(announced).hasSize(1);

            JsonNode facts = processor(status(admin), SchedulingFacts.PROCESSING_GROUP);
            assertThat(facts.path("kind").asString()).isEqualTo("PROCESS");
            assertThat(facts.path("replayable").asBoolean()).isFalse();
            Api.Response refused = admin.post(STATUS + "/" + SchedulingFacts.PROCESSING_GROUP + "/replay", null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json("code").asString()).isEqualTo("projection.not-replayable");

            Api.Response accepted = admin.post(STATUS + "/replay", null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            JsonNode finished = awaitReplaysFinished(admin);
            JsonNode after = processor(finished, SchedulingFacts.PROCESSING_GROUP);
            assertThat(after.path("lastReplay").isNull()).as(after.toString()).isTrue();
            assertThat(after.path("running").asBoolean()).isTrue();

            spec.whenSent(new Cancel(
                    appointmentId,
                    CancellationReason.PATIENT_REQUEST,
                    "",
                    reception,
                    Duration.ofHours(24),
                    spec.now()));
        } finally {
            application.removeApplicationListener(recorder);
        }

        assertThat(announced)
                .extracting(fact -> fact.getClass().getSimpleName())
                .as("the booking announced once, before the replay; then only the cancellation")
                .containsExactly("Booked", "Cancelled");
    }

    private static JsonNode status(Api admin) {
        Api.Response response = admin.get(STATUS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** Done when nothing replays, writes are accepted and every replayable projection is at the head. */
    private static JsonNode awaitReplaysFinished(Api admin) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    JsonNode status = status(admin);
                    last[0] = status;
                    assertThat(status.path("replaying").asBoolean()).isFalse();
                    assertThat(status.path("writesPaused").asBoolean()).isFalse();
                    for (JsonNode processor : status.path("processors")) {
                        assertThat(processor.path("running").asBoolean())
                                .as(processor.toString())
                                .isTrue();
                        if (processor.path("replayable").asBoolean()) {
                            assertThat(processor.path("behind").asLong())
                                    .as(processor.toString())
                                    .isZero();
                        }
                    }
                });
        return last[0];
    }

    private static JsonNode processor(JsonNode status, String name) {
        for (JsonNode processor : status.path("processors")) {
            if (processor.path("name").asString().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + status);
    }
}
