package com.clinic.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.availability.AppointmentTypeInput;
import com.clinic.scheduling.application.availability.AppointmentTypeService;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.application.availability.HolidayView;
import com.clinic.scheduling.application.availability.ScheduleService;
import com.clinic.scheduling.application.availability.ScheduleService.Precondition;
import com.clinic.scheduling.application.availability.ScheduleView;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.Price;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import com.clinic.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The availability read models are disposable: a reset truncates them and a replay rebuilds them
 * exactly, from events recorded by earlier versions too.
 */
@IntegrationTest
class AvailabilityReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Actor ADMIN = new Actor(UUID.randomUUID(), Role.ADMIN, Optional.empty(), Optional.empty());

    @Autowired
    ScheduleService schedules;

    @Autowired
    AppointmentTypeService types;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayRebuildsSchedulesHolidaysAndTypesAsTheyWere() {
        DirectoryRows directory = new DirectoryRows(jdbc);
        UUID clinicId = directory.clinic("Asia/Riyadh");
        UUID branchId = directory.branch(clinicId, "Asia/Riyadh");
        UUID doctorId = directory.doctor(clinicId, List.of(branchId), List.of("cardiology"), true);
        LocalDate start = LocalDate.of(2027, 1, 3);
        schedules.defineWorkingHours(
                ADMIN,
                doctorId,
                branchId,
                List.of(
                        new WorkingHours(
                                List.of(new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))),
                                start,
                                Optional.of(start.plusDays(30))),
                        new WorkingHours(List.of(), start.plusDays(31), Optional.empty())),
                new Precondition.NoneYet());
        var timeOff = schedules.addTimeOff(
                ADMIN, doctorId, branchId, new LocalPeriod(start.atTime(10, 0), start.atTime(11, 0)), Optional.empty());
        schedules.removeTimeOff(ADMIN, doctorId, branchId, timeOff.id(), Optional.empty());
        var extra = schedules.addExtraSession(
                ADMIN,
                doctorId,
                branchId,
                new LocalPeriod(
                        start.plusDays(6).atTime(9, 0), start.plusDays(6).atTime(12, 0)),
                Optional.empty());
        schedules.declareHoliday(ADMIN, branchId, start.plusDays(7), new BilingualName("عطلة", "Holiday"));
        AppointmentTypeView type = types.create(
                ADMIN,
                clinicId,
                new AppointmentTypeInput(
                        new BilingualName("كشف", "Check-up"),
                        new BookingRules(
                                Duration.ofMinutes(20),
                                Duration.ZERO,
                                Duration.ofMinutes(5),
                                Duration.ofHours(1),
                                Duration.ofDays(30),
                                2),
                        true,
                        new Price(new BigDecimal("99.5"), "SAR")));
        // Changes are checked against the read model (whose clinic is it?), so wait until it knows the type.
        await().atMost(WAIT).ignoreExceptions().until(() -> types.get(type.appointmentTypeId()) != null);
        types.deactivate(ADMIN, type.appointmentTypeId(), Optional.empty());

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(schedules.schedule(ADMIN, doctorId, branchId).version()).isEqualTo(extra.version());
            assertThat(types.get(type.appointmentTypeId()).active()).isFalse();
            assertThat(schedules.holidays(branchId, start, start.plusDays(10))).hasSize(1);
        });
        ScheduleView schedule = schedules.schedule(ADMIN, doctorId, branchId);
        List<HolidayView> holidays = schedules.holidays(branchId, start, start.plusDays(10));
        AppointmentTypeView typeBefore = types.get(type.appointmentTypeId());
        assertThat(schedule.workingHours()).hasSize(2);
        assertThat(schedule.timeOff()).isEmpty();
        assertThat(schedule.extraSessions()).hasSize(1);

        StreamingEventProcessor processor = processing
                .eventProcessor("scheduling-availability", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from doctor_schedule", Integer.class))
                .isZero();
        processor.start();

        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(processor.isError()).isFalse();
            assertThat(processor.processingStatus().values()).isNotEmpty().allSatisfy(status -> {
                assertThat(status.isCaughtUp()).isTrue();
                assertThat(status.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head);
            });
            assertThat(schedules.schedule(ADMIN, doctorId, branchId)).isEqualTo(schedule);
            assertThat(schedules.holidays(branchId, start, start.plusDays(10))).isEqualTo(holidays);
            assertThat(types.get(type.appointmentTypeId())).isEqualTo(typeBefore);
        });
    }

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    /** Removes every {@code slotInterval} property, wherever the serializer put the rules. */
    private static void forgetSlotIntervals(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("slotInterval");
        }
        node.forEach(AvailabilityReplayTest::forgetSlotIntervals);
    }

    @Test
    void anAppointmentTypeRecordedBeforeSlotIntervalsExistedIsReadWithTheDurationPlusItsBuffers() {
        BookingRules rules = new BookingRules(
                Duration.ofMinutes(20),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofHours(1),
                Duration.ofDays(30),
                1,
                Duration.ofMinutes(15));
        AppointmentTypeCreated current = new AppointmentTypeCreated(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new BilingualName("كشف", "Check-up"),
                rules,
                false,
                new Price(new BigDecimal("100"), "SAR"),
                UUID.randomUUID(),
                Instant.parse("2026-05-01T08:00:00Z"));
        SerializedObject<byte[]> stored = eventSerializer.serialize(current, byte[].class);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode tree = json.readTree(stored.getData());
        assertThat(tree.toString()).contains("slotInterval");
        forgetSlotIntervals(tree);
        SerializedObject<byte[]> old =
                new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class, stored.getType());

        AppointmentTypeCreated read = eventSerializer.deserialize(old);

        assertThat(read.rules().slotInterval()).isEqualTo(Duration.ofMinutes(35));
        assertThat(read.rules().duration()).isEqualTo(Duration.ofMinutes(20));
        assertThat((AppointmentTypeCreated) eventSerializer.deserialize(stored)).isEqualTo(current);
    }
}
