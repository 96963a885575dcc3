package com.clinic.scheduling.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * New schedule capacity reaches the waiting list however the two processors involved interleave: the
 * offer process finds new slots through slot search, whose read model the availability projection
 * keeps, and it waits for that projection to include the event (or retries the event later) instead
 * of searching too early and offering nothing. Over HTTP, on PostgreSQL, with the real processors.
 */
@IntegrationTest
class WaitlistNewCapacityTest {

    @Autowired
    ApplicationContext context;

    @Test
    void anExtraSessionIsOfferedEvenWhenTheOfferProcessGetsItBeforeSlotSearchDoes() {
        // Afternoons only: the patient's mornings have no slot until the extra session adds one.
        WaitlistWorld world = WaitlistWorld.create(context, "14:00", "20:00");
        UUID entry = world.joinForDoctor(world.patient("en"), Urgency.ROUTINE);
        world.awaitStatus(entry, WaitlistEntryStatus.WAITING);
        StreamingEventProcessor availability = world.availabilityProjection();

        availability.shutDown();
        try {
            world.postExtraSession(world.slotDay.atTime(9, 0), world.slotDay.atTime(10, 0));
            // The offer process has the session now and slot search does not: it either searched and
            // moved on (offering nothing, the defect), or is waiting and then gives the event back.
            world.awaitOfferProcessPastOrFailing(world.storeHead());
        } finally {
            availability.start();
        }

        assertThat(world.awaitStatus(entry, WaitlistEntryStatus.OFFERED)
                        .offer()
                        .orElseThrow()
                        .start())
                .isEqualTo(world.at(LocalTime.of(9, 0)));
        assertThat(world.events(entry, "OfferMade")).isEqualTo(1);
    }

    @Test
    void cancellingABranchHolidayOffersTheReopenedDayToAPatientWaitingForIt() {
        WaitlistWorld world = WaitlistWorld.create(context);
        Api admin = world.admin();
        LocalDate holiday = world.slotDay;
        String holidays = "/api/v1/branches/" + world.branchId + "/holidays";
        Api.Response declared =
                admin.post(holidays, Map.of("date", holiday.toString(), "nameAr", "عطلة", "nameEn", "Holiday"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        Api reception = admin.as(Sessions.staff(admin, Role.RECEPTIONIST, world.clinicId, world.branchId)
                .accessToken());
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("patientId", world.patient("ar").patientId());
        join.put("doctorId", world.doctorId);
        join.put("branchId", world.branchId);
        join.put("appointmentTypeId", world.typeId);
        join.put("from", holiday.toString());
        join.put("to", holiday.toString());
        join.put("timesOfDay", List.of(Map.of("from", "08:00", "to", "13:00")));
        Api.Response joined = reception.post("/api/v1/waitlist", join);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        String entryId = joined.json("entryId").asString();
        world.awaitOfferProcessCaughtUp();
        assertThat(status(reception, entryId).path("status").asString()).isEqualTo("WAITING");

        Api.Response cancelled = admin.delete(holidays + "/" + holiday);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);

        JsonNode[] entry = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            entry[0] = status(reception, entryId);
            assertThat(entry[0].path("status").asString()).isEqualTo("OFFERED");
        });
        assertThat(Instant.parse(entry[0].path("offer").path("start").asString()))
                .as("the first morning slot of the reopened day")
                .isEqualTo(world.at(LocalTime.of(8, 0)));
    }

    private static JsonNode status(Api api, String entryId) {
        Api.Response entry = api.get("/api/v1/waitlist/" + entryId);
        assertThat(entry.status()).as(entry.toString()).isEqualTo(200);
        return entry.body();
    }
}
