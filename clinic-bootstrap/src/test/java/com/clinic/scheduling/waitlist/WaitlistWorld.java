package com.clinic.scheduling.waitlist;

import static com.clinic.scheduling.availability.AvailabilityTestData.awaitSchedule;
import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.directory.DirectoryFacts;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.availability.AvailabilityReadModel;
import com.clinic.scheduling.application.waitlist.JoinRequest;
import com.clinic.scheduling.application.waitlist.WaitlistEntryAggregate;
import com.clinic.scheduling.application.waitlist.WaitlistService;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.support.Api;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clinic with a branch in Riyadh (no daylight saving, so local times are simple), a cardiologist
 * working every day, a 30-minute consultation type and the doctor's schedule, all made through the
 * public API; then the moves tests make: patients registering and joining, a booking cancelled to
 * free a slot, deadlines made due. Every world is a new clinic, so tests sharing a database never
 * see each other's entries, holds or claims.
 */
final class WaitlistWorld {

    static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");
    static final Duration TTL = Duration.ofMinutes(15);
    static final String OFFER_PROCESS = "scheduling-waitlist-offers";
    static final String PASSWORD = "Patient-Passw0rd!2026";

    final UUID clinicId;
    final UUID branchId;
    final UUID doctorId;
    final UUID typeId;
    final LocalDate slotDay;

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final WaitlistService waitlist;
    private final WaitlistReadModel entries;
    private final DirectoryFacts directory;
    private final Api api;
    private final Api admin;
    private final String adminToken;
    private @Nullable UUID booker;

    /** A registered patient with a login: their record and their user account. */
    record Patient(UUID patientId, UUID userId) {

        Actor actor() {
            return new Actor(userId, Role.PATIENT, Optional.empty(), Optional.empty());
        }
    }

    /** An appointment as the appointment read model has it. */
    record Appointment(UUID patientId, UUID doctorId, Instant start, String status, @Nullable UUID waitlistEntryId) {}

    private WaitlistWorld(
            ApplicationContext context,
            String adminToken,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID typeId,
            LocalDate slotDay) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.waitlist = context.getBean(WaitlistService.class);
        this.entries = context.getBean(WaitlistReadModel.class);
        this.directory = context.getBean(DirectoryFacts.class);
        this.api = Api.on(port(context));
        this.adminToken = adminToken;
        this.admin = api.as(adminToken);
        this.clinicId = clinicId;
        this.branchId = branchId;
        this.doctorId = doctorId;
        this.typeId = typeId;
        this.slotDay = slotDay;
    }

    /** A world whose doctor works 08:00 to 20:00 every day. */
    static WaitlistWorld create(ApplicationContext context) {
        return create(context, "08:00", "20:00");
    }

    /** A world whose doctor works these local hours every day. */
    static WaitlistWorld create(ApplicationContext context, String dayStart, String dayEnd) {
        Api api = Api.on(port(context));
        String adminToken = Sessions.admin(api);
        Api admin = api.as(adminToken);
        AvailabilityTestData.Site site = newSite(admin, ZONE.getId());
        UUID doctorId = newDoctor(api, admin, site, "cardiology").doctorId();
        UUID typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        WaitlistWorld world = new WaitlistWorld(
                context,
                adminToken,
                site.clinicId(),
                site.branchId(),
                doctorId,
                typeId,
                LocalDate.now(ZONE).plusDays(3));
        defineSchedule(admin, doctorId, site.branchId(), dayStart, dayEnd);
        // New working hours are new capacity to the offer process: let it see them while nobody
        // waits yet, so they are never offered in the middle of a test.
        awaitOfferProcessCaughtUp(context);
        return world;
    }

    /** The same world seen through another application context (another instance, or after a restart). */
    WaitlistWorld on(ApplicationContext other) {
        return new WaitlistWorld(other, adminToken, clinicId, branchId, doctorId, typeId, slotDay);
    }

    /** Defines the doctor's weekly hours at the branch and waits until slot search reads them. */
    static void defineSchedule(Api admin, UUID doctorId, UUID branchId, String dayStart, String dayEnd) {
        String path = schedulePath(doctorId, branchId);
        Api.Response schedule = admin.header("If-None-Match", "*").put(path, everyDay(dayStart, dayEnd));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        awaitSchedule(admin, path, schedule.header("ETag").orElseThrow());
    }

    /**
     * Adds an extra session and returns once the offer process has handled it. The process finds the
     * new slots through slot search, whose read model another processor keeps; the process itself
     * waits for that one to include the session before it searches.
     */
    void addExtraSession(LocalDateTime start, LocalDateTime end) {
        postExtraSession(start, end);
        awaitOfferProcessCaughtUp(context);
    }

    /** Adds an extra session over HTTP, waiting for nothing but the answer. */
    void postExtraSession(LocalDateTime start, LocalDateTime end) {
        Api.Response added = admin.post(
                schedulePath(doctorId, branchId) + "/extra-sessions",
                Map.of("start", start.toString(), "end", end.toString()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    /** The API as the administrator who made the world. */
    Api admin() {
        return admin;
    }

    /** The processor of the projection slot search reads schedules and holidays from. */
    StreamingEventProcessor availabilityProjection() {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(AvailabilityReadModel.PROJECTION, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The global index of the last event stored so far. */
    long storeHead() {
        return jdbc.queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
    }

    /**
     * Waits until the offer process has either moved past this global index or stopped on an error
     * before it (it then retries the event after a back-off).
     */
    void awaitOfferProcessPastOrFailing(long index) {
        StreamingEventProcessor processor = offerProcess(context);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.isErrorState()
                                        || status.getCurrentPosition().orElse(-1) >= index));
    }

    /** A patient of the clinic who registered themself (so has a login) at the branch. */
    Patient patient(String language) {
        String email = "waiting." + unique() + "@example.com";
        // From the patient's own device: self-registration is budgeted per client address (ADR 0013).
        Api.Response registered = api.fromNewAddress()
                .anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of(
                                "homeBranchId",
                                branchId,
                                "patient",
                                patientBody(email, language),
                                "password",
                                PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        UUID patientId = UUID.fromString(registered.json("patientId").asString());
        UUID userId = Sessions.login(api, email, PASSWORD).userId();
        // The waiting list and bookings read patients from the directory's read model.
        await().atMost(Duration.ofSeconds(10)).until(() -> directory
                .patient(patientId)
                .flatMap(DirectoryFacts.PatientFacts::userId)
                .filter(userId::equals)
                .isPresent());
        return new Patient(patientId, userId);
    }

    Actor receptionist() {
        return new Actor(UUID.randomUUID(), Role.RECEPTIONIST, Optional.of(clinicId), Optional.of(branchId));
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
        return at(LocalTime.of(10, 0));
    }

    Instant at(LocalTime time) {
        return slotDay.atTime(time).atZone(ZONE).toInstant();
    }

    /**
     * Someone (a patient not on the list) books the slot at the front desk, then cancels: the slot is
     * free again. Returns the cancelled appointment's id.
     */
    UUID bookAndCancel(Instant start) {
        UUID appointmentId = book(booker(), doctorId, start);
        Api.Response cancelled = admin.post(
                "/api/v1/appointments/" + appointmentId + "/cancel",
                Map.of("reason", "PATIENT_REQUEST", "note", "travelling"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        return appointmentId;
    }

    /** The front desk books the patient with a doctor of the branch at this start; returns the appointment. */
    UUID book(UUID patientId, UUID withDoctor, Instant start) {
        Api.Response booked = admin.post(
                "/api/v1/appointments",
                Map.of(
                        "patientId",
                        patientId,
                        "slot",
                        Map.of(
                                "doctorId",
                                withDoctor,
                                "branchId",
                                branchId,
                                "appointmentTypeId",
                                typeId,
                                "start",
                                start.toString())));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return UUID.fromString(booked.json("appointmentId").asString());
    }

    /**
     * Another doctor at the branch, of another specialty, working the same hours; nobody on the list
     * waits for them, so their new hours are offered to no one.
     */
    UUID anotherDoctor() {
        UUID other = newDoctor(api, admin, new AvailabilityTestData.Site(clinicId, branchId), "dermatology")
                .doctorId();
        defineSchedule(admin, other, branchId, "08:00", "20:00");
        awaitOfferProcessCaughtUp(context);
        return other;
    }

    private UUID booker() {
        if (booker == null) {
            booker = patient("en").patientId();
        }
        return booker;
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

    /** The appointment once the read model shows it in this status. */
    Appointment awaitAppointment(UUID appointmentId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> appointment(appointmentId)
                .filter(found -> found.status().equals(status))
                .isPresent());
        return appointment(appointmentId).orElseThrow();
    }

    private Optional<Appointment> appointment(UUID appointmentId) {
        return jdbc
                .query(
                        "select patient_id, doctor_id, start_at, status, waitlist_entry_id from appointment_view"
                                + " where appointment_id = ?",
                        (row, i) -> new Appointment(
                                row.getObject(1, UUID.class),
                                row.getObject(2, UUID.class),
                                row.getTimestamp(3).toInstant(),
                                row.getString(4),
                                row.getObject(5, UUID.class)),
                        appointmentId)
                .stream()
                .findFirst();
    }

    /** Every appointment held for the entry, with its status, as the appointment read model has them. */
    Map<UUID, String> holdsFor(UUID entryId) {
        Map<UUID, String> holds = new LinkedHashMap<>();
        jdbc.query(
                        "select appointment_id, status from appointment_view where waitlist_entry_id = ?",
                        (row, i) -> Map.entry(row.getObject(1, UUID.class), row.getString(2)),
                        entryId)
                .forEach(hold -> holds.put(hold.getKey(), hold.getValue()));
        return holds;
    }

    /**
     * The appointments holding or booking the doctor's time right now: the write side's claims,
     * committed with the hold or booking itself, so never behind.
     */
    List<UUID> claims() {
        return jdbc.queryForList(
                "select distinct appointment_id from slot_claim where doctor_id = ?", UUID.class, doctorId);
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

    /** Stored events of this type whose payload names the id (a patient, an entry), whichever aggregate they belong to. */
    int eventsNaming(UUID id, String type) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype like ?"
                        + " and position(convert_to(?, 'UTF8') in payload) > 0",
                Integer.class,
                "%" + type,
                id.toString());
    }

    /** Waits until the offer process has handled every event stored so far. */
    void awaitOfferProcessCaughtUp() {
        awaitOfferProcessCaughtUp(context);
    }

    static void awaitOfferProcessCaughtUp(ApplicationContext context) {
        long head = context.getBean(JdbcTemplate.class)
                .queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
        StreamingEventProcessor processor = offerProcess(context);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    private static StreamingEventProcessor offerProcess(ApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(OFFER_PROCESS, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static int port(ApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static Map<String, Object> patientBody(String email, String language) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("nameAr", "مريض " + unique());
        patient.put("nameEn", "Patient " + unique());
        patient.put("dateOfBirth", "1990-02-11");
        patient.put("sex", "FEMALE");
        patient.put(
                "nationalId", "1" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999)));
        patient.put("phone", "+96655" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
        patient.put("email", email);
        patient.put("preferredLanguage", language);
        patient.put(
                "consents", Map.of("treatment", true, "dataProcessing", true, "marketing", false, "reminders", true));
        return patient;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
