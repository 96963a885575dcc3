package com.clinic.scheduling.waitlist;

import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.waitlist.JoinRequest;
import com.clinic.scheduling.application.waitlist.WaitlistEntryAggregate;
import com.clinic.scheduling.application.waitlist.WaitlistService;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One clinic with a branch, a cardiologist and a consultation type, seeded straight into the
 * directory's read models (the waiting list only reads them), plus the moves tests make: patients
 * joining, appointments cancelled, deadlines made due. Every world has fresh ids, so tests sharing
 * a database never see each other's entries.
 */
final class WaitlistWorld {

    static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");
    static final Duration TTL = Duration.ofMinutes(15);

    final UUID clinicId;
    final UUID branchId;
    final UUID doctorId;
    final UUID typeId;
    final LocalDate slotDay;

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final WaitlistService waitlist;
    private final WaitlistReadModel entries;
    private final CommandGateway commands;

    record Patient(UUID patientId, UUID userId) {

        Actor actor() {
            return new Actor(userId, Role.PATIENT, Optional.empty(), Optional.empty());
        }
    }

    private WaitlistWorld(
            ApplicationContext context, UUID clinicId, UUID branchId, UUID doctorId, UUID typeId, LocalDate slotDay) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.waitlist = context.getBean(WaitlistService.class);
        this.entries = context.getBean(WaitlistReadModel.class);
        this.commands = context.getBean(CommandGateway.class);
        this.clinicId = clinicId;
        this.branchId = branchId;
        this.doctorId = doctorId;
        this.typeId = typeId;
        this.slotDay = slotDay;
    }

    /** The same world seen through another application context (another instance, or after a restart). */
    WaitlistWorld on(ApplicationContext other) {
        return new WaitlistWorld(other, clinicId, branchId, doctorId, typeId, slotDay);
    }

    WaitlistWorld(ApplicationContext context) {
        this(
                context,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.now(ZONE).plusDays(3));
        context.getBean(FakeAppointmentTypes.class).register(typeId, clinicId);
        jdbc.update(
                "insert into branch_view (branch_id, clinic_id, name_ar, name_en, address, phone, time_zone, currency,"
                        + " working_days, version) values (?, ?, 'الفرع', 'Branch', 'Street 1', '+966500000000', ?,"
                        + " 'SAR', 'SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY', 0)",
                branchId,
                clinicId,
                ZONE.getId());
        jdbc.update(
                "insert into doctor_view (doctor_id, user_id, clinic_id, name_ar, name_en, bio_ar, bio_en, active,"
                        + " version) values (?, ?, ?, 'د. سارة', 'Dr Sara', '', '', true, 0)",
                doctorId,
                UUID.randomUUID(),
                clinicId);
        jdbc.update("insert into doctor_branch (doctor_id, branch_id) values (?, ?)", doctorId, branchId);
        jdbc.update("insert into doctor_specialty (doctor_id, specialty) values (?, 'cardiology')", doctorId);
    }

    Patient patient(String language) {
        Patient patient = new Patient(UUID.randomUUID(), UUID.randomUUID());
        jdbc.update(
                "insert into patient_view (patient_id, clinic_id, home_branch_id, user_id, name_ar, name_en,"
                        + " preferred_language, consent_treatment, consent_data_processing, consent_marketing,"
                        + " consent_reminders, erased, version) values (?, ?, ?, ?, 'مريض', 'Patient', ?, true, true,"
                        + " false, true, false, 0)",
                patient.patientId(),
                clinicId,
                branchId,
                patient.userId(),
                language);
        return patient;
    }

    Actor receptionist() {
        return new Actor(UUID.randomUUID(), Role.RECEPTIONIST, Optional.of(clinicId), Optional.of(branchId));
    }

    Actor admin() {
        return new Actor(UUID.randomUUID(), Role.ADMIN, Optional.empty(), Optional.empty());
    }

    /** Staff put the patient on the list for the doctor, mornings, over the coming week. */
    UUID joinForDoctor(Patient patient, Urgency urgency) {
        return waitlist.join(
                        receptionist(),
                        new JoinRequest(
                                Optional.of(patient.patientId()),
                                Optional.of(doctorId),
                                Optional.empty(),
                                branchId,
                                typeId,
                                LocalDate.now(ZONE),
                                LocalDate.now(ZONE).plusDays(7),
                                List.of(new TimeOfDayRange(LocalTime.of(8, 0), LocalTime.of(13, 0))),
                                Optional.of(urgency)))
                .entryId();
    }

    Instant slotStart() {
        return slotDay.atTime(10, 0).atZone(ZONE).toInstant();
    }

    AppointmentSlot slot(Instant start) {
        TimeRange time = new TimeRange(start, start.plus(Duration.ofMinutes(30)));
        return new AppointmentSlot(clinicId, branchId, doctorId, typeId, time, time, false, 1);
    }

    /** Someone's booked appointment at the slot is cancelled: the slot is free again. Returns its id. */
    UUID bookAndCancel(Instant start) {
        UUID appointmentId = UUID.randomUUID();
        UUID someone = UUID.randomUUID();
        Instant now = Instant.now();
        commands.sendAndWait(new BookAppointment(appointmentId, someone, slot(start), someone, Optional.empty(), now));
        commands.sendAndWait(
                new Cancel(appointmentId, CancellationReason.PATIENT_REQUEST, "", someone, Duration.ofHours(24), now));
        return appointmentId;
    }

    WaitlistEntryView entry(UUID entryId) {
        return entries.entry(entryId).orElseThrow(() -> new AssertionError("no entry " + entryId + " yet"));
    }

    WaitlistEntryView awaitStatus(UUID entryId, WaitlistEntryStatus status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        entries.entry(entryId).map(WaitlistEntryView::status).orElse(null) == status);
        return entry(entryId);
    }

    /** When the offer deadline of this held appointment is due, as a durable db-scheduler row. */
    Optional<Instant> offerDeadline(UUID heldAppointmentId) {
        return jdbc
                .query(
                        "select execution_time from scheduled_tasks where task_name = 'AxonDeadline'"
                                + " and position(convert_to(?, 'UTF8') in task_data) > 0"
                                + " and position(convert_to(?, 'UTF8') in task_data) > 0",
                        (row, i) -> row.getTimestamp(1).toInstant(),
                        WaitlistEntryAggregate.OFFER_EXPIRY,
                        heldAppointmentId.toString())
                .stream()
                .findFirst();
    }

    /**
     * Makes the offer's deadline due now, so db-scheduler fires it through the same code path a
     * deadline reaching its time takes (its polling runs on real time, which a test cannot move).
     */
    void makeOfferDeadlineDue(UUID heldAppointmentId) {
        int rows = jdbc.update(
                "update scheduled_tasks set execution_time = now() - interval '1 second'"
                        + " where task_name = 'AxonDeadline' and position(convert_to(?, 'UTF8') in task_data) > 0"
                        + " and position(convert_to(?, 'UTF8') in task_data) > 0",
                WaitlistEntryAggregate.OFFER_EXPIRY,
                heldAppointmentId.toString());
        if (rows != 1) {
            throw new AssertionError("expected one offer deadline for " + heldAppointmentId + ", found " + rows);
        }
    }

    int notices(UUID userId, String template) {
        return jdbc.queryForObject(
                "select count(*) from in_app_notification where recipient_user_id = ? and template = ?",
                Integer.class,
                userId,
                template);
    }

    int events(UUID aggregateId, String type) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like ?",
                Integer.class,
                aggregateId.toString(),
                "%" + type);
    }

    /** Waits until the offer process has handled everything up to the last event of this aggregate. */
    void awaitProcessed(UUID aggregateId) {
        long index = jdbc.queryForObject(
                "select max(globalindex) from domainevententry where aggregateidentifier = ?",
                Long.class,
                aggregateId.toString());
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("scheduling-waitlist-offers", StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= index));
    }
}
