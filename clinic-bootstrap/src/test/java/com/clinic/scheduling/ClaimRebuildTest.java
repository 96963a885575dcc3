package com.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ExpireHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The write-side claim tables are derived from the event store, so one administrator's command
 * rebuilds them (ADR 0020): after holds, bookings, moves, cancellations, an expired hold and a no-show,
 * the tables are corrupted (rows dropped, a period moved, a party changed, a claim without any event
 * added) and the rebuild gives back exactly the tables as the ledger had written them live.
 */
@IntegrationTest
class ClaimRebuildTest {

    private static final String REBUILD = "/api/v1/admin/claims/rebuild";
    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID TYPE = UUID.randomUUID();
    private static final UUID BOOKER = UUID.randomUUID();

    /** Every column the ledger decides; the serial key and the insertion time are not facts of the store. */
    private static final String SLOT_CLAIMS =
            "select appointment_id, doctor_id, branch_id, lane, period::text as period from slot_claim";

    private static final String PATIENT_CLAIMS =
            "select appointment_id, patient_id, period::text as period from patient_claim";
    private static final String PARTIES =
            "select appointment_id, patient_id, doctor_id, branch_id, clinic_id from appointment_party";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRebuiltClaimTablesEqualTheLiveOnesAfterTheyWereCorrupted() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        UUID doctor = UUID.randomUUID();
        UUID otherDoctor = UUID.randomUUID();
        Instant nine = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(3))
                .plus(Duration.ofHours(9));

        // Two lanes of one doctor, side by side.
        UUID first = book(UUID.randomUUID(), slot(doctor, nine, 2));
        UUID second = book(UUID.randomUUID(), slot(doctor, nine.plus(Duration.ofMinutes(10)), 2));
        // Moved into time overlapping its own, then to another doctor.
        commands.sendAndWait(new Reschedule(first, slot(doctor, nine.plus(Duration.ofMinutes(15)), 2), BOOKER, now()));
        UUID moved = book(UUID.randomUUID(), slot(doctor, nine.plus(Duration.ofHours(1)), 1));
        commands.sendAndWait(
                new Reschedule(moved, slot(otherDoctor, nine.plus(Duration.ofHours(2)), 1), BOOKER, now()));
        // Cancelled: its time is free again, and taken by someone else.
        UUID cancelled = book(UUID.randomUUID(), slot(otherDoctor, nine, 1));
        commands.sendAndWait(
                new Cancel(cancelled, CancellationReason.PATIENT_REQUEST, "", BOOKER, Duration.ofHours(24), now()));
        UUID taker = book(UUID.randomUUID(), slot(otherDoctor, nine, 1));
        // A hold that expired and one still held.
        UUID expired = UUID.randomUUID();
        Instant until = now().plus(Duration.ofMinutes(5));
        commands.sendAndWait(new HoldSlot(
                expired,
                UUID.randomUUID(),
                slot(doctor, nine.plus(Duration.ofHours(3)), 1),
                until,
                BOOKER,
                Optional.empty(),
                now()));
        commands.sendAndWait(new ExpireHold(expired, until));
        UUID held = UUID.randomUUID();
        commands.sendAndWait(new HoldSlot(
                held,
                UUID.randomUUID(),
                slot(doctor, nine.plus(Duration.ofHours(4)), 1),
                now().plus(Duration.ofMinutes(5)),
                BOOKER,
                Optional.empty(),
                now()));
        // A no-show: the patient is free, the doctor's time stays claimed.
        UUID missed = book(UUID.randomUUID(), slot(otherDoctor, nine.plus(Duration.ofHours(5)), 1));
        commands.sendAndWait(new MarkNoShow(
                missed,
                Duration.ofMinutes(15),
                false,
                BOOKER,
                nine.plus(Duration.ofHours(5).plusMinutes(16))));

        long headBefore = head();
        Set<Map<String, Object>> slotClaims = rows(SLOT_CLAIMS);
        Set<Map<String, Object>> patientClaims = rows(PATIENT_CLAIMS);
        Set<Map<String, Object>> parties = rows(PARTIES);
        // What this test did is in the snapshot as the ledger wrote it, so the comparison below is not vacuous.
        assertThat(appointmentsIn(slotClaims))
                .contains(first, second, moved, taker, held, missed)
                .doesNotContain(cancelled, expired);
        assertThat(appointmentsIn(patientClaims))
                .contains(first, second, moved, taker, held)
                .doesNotContain(cancelled, expired, missed);
        assertThat(appointmentsIn(parties)).contains(first, second, moved, cancelled, taker, expired, held, missed);

        corrupt(first, second, moved);

        Api.Response rebuilt = admin.post(REBUILD, null);

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json("slotClaimsRefused").asLong()).isZero();
        assertThat(rebuilt.json("patientClaimsRefused").asLong()).isZero();
        // Thirteen events of this test take or free time, besides those of earlier tests.
        assertThat(rebuilt.json("eventsReplayed").asLong()).isGreaterThanOrEqualTo(13);
        assertThat(rebuilt.json("after").path("slotClaims").asLong()).isGreaterThanOrEqualTo(6);
        Set<Map<String, Object>> rebuiltSlotClaims = rows(SLOT_CLAIMS);
        Set<Map<String, Object>> rebuiltPatientClaims = rows(PATIENT_CLAIMS);
        Set<Map<String, Object>> rebuiltParties = rows(PARTIES);
        // Read after the rows: a change that reached them has its event in the store by then.
        Set<UUID> changedMeanwhile = appointmentsWithEventsAfter(headBefore);
        assertThat(changedMeanwhile).doesNotContainAnyElementsOf(List.of(first, second, moved, held, missed));
        assertThat(comparable(rebuiltSlotClaims, changedMeanwhile))
                .containsExactlyInAnyOrderElementsOf(comparable(fromTheStore(slotClaims), changedMeanwhile));
        assertThat(comparable(rebuiltPatientClaims, changedMeanwhile))
                .containsExactlyInAnyOrderElementsOf(comparable(fromTheStore(patientClaims), changedMeanwhile));
        assertThat(comparable(rebuiltParties, changedMeanwhile))
                .containsExactlyInAnyOrderElementsOf(comparable(fromTheStore(parties), changedMeanwhile));
    }

    @Test
    void onlyAdministratorsRebuildTheClaims() {
        Api api = Api.on(port);
        Api auditor = api.as(Sessions.staff(api, Role.AUDITOR, null, null).accessToken());

        Api.Response refused = auditor.post(REBUILD, null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json("code").asString()).isEqualTo("forbidden");
        assertThat(api.anonymous().post(REBUILD, null).status()).isEqualTo(401);
    }

    /** Dropped rows, a moved period, a changed party, and a claim that no event ever made. */
    private void corrupt(UUID first, UUID second, UUID moved) {
        jdbc.update("delete from slot_claim where appointment_id = ?", first);
        jdbc.update("delete from patient_claim where appointment_id in (?, ?)", first, moved);
        jdbc.update(
                "update slot_claim set period = tstzrange(lower(period) + interval '1 day', upper(period) + interval '1 day')"
                        + " where appointment_id = ?",
                second);
        jdbc.update("update appointment_party set doctor_id = ? where appointment_id = ?", UUID.randomUUID(), moved);
        jdbc.update(
                "insert into slot_claim (appointment_id, doctor_id, branch_id, lane, period)"
                        + " values (?, ?, ?, 0, tstzrange(now() + interval '10 days', now() + interval '10 days 1 hour'))",
                UUID.randomUUID(),
                UUID.randomUUID(),
                BRANCH);
    }

    private UUID book(UUID appointmentId, AppointmentSlot slot) {
        commands.sendAndWait(
                new BookAppointment(appointmentId, UUID.randomUUID(), slot, BOOKER, Optional.empty(), now()));
        return appointmentId;
    }

    private static AppointmentSlot slot(UUID doctor, Instant start, int capacity) {
        TimeRange time = new TimeRange(start, start.plus(Duration.ofMinutes(30)));
        return new AppointmentSlot(
                CLINIC, BRANCH, doctor, TYPE, time, time.widen(Duration.ZERO, Duration.ofMinutes(5)), false, capacity);
    }

    private static Instant now() {
        return Instant.now();
    }

    private Set<Map<String, Object>> rows(String query) {
        return new HashSet<>(jdbc.queryForList(query));
    }

    /**
     * The snapshot less rows of appointments that have no event in the store: other tests of the same
     * run insert claims directly, as fixtures of slot search, and a rebuild rightly has no such rows.
     */
    private Set<Map<String, Object>> fromTheStore(Set<Map<String, Object>> snapshot) {
        Set<String> stored = new HashSet<>(jdbc.queryForList(
                "select distinct aggregateidentifier from domainevententry where aggregateidentifier = any(?)",
                String.class,
                (Object) appointmentsIn(snapshot).stream().map(UUID::toString).toArray(String[]::new)));
        Set<Map<String, Object>> kept = new HashSet<>();
        for (Map<String, Object> row : snapshot) {
            if (stored.contains(row.get("appointment_id").toString())) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** Leaves out appointments that another test's commands (a hold's deadline) changed meanwhile. */
    private static Set<Map<String, Object>> comparable(Set<Map<String, Object>> rows, Set<UUID> changedMeanwhile) {
        Set<Map<String, Object>> kept = new HashSet<>();
        for (Map<String, Object> row : rows) {
            if (!changedMeanwhile.contains((UUID) row.get("appointment_id"))) {
                kept.add(row);
            }
        }
        return kept;
    }

    private static Set<UUID> appointmentsIn(Set<Map<String, Object>> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> ids.add((UUID) row.get("appointment_id")));
        return ids;
    }

    /** Appointments (aggregates whose id is a UUID) with an event stored after that index. */
    private Set<UUID> appointmentsWithEventsAfter(long globalIndex) {
        return new HashSet<>(jdbc.queryForList(
                "select distinct aggregateidentifier::uuid from domainevententry where globalindex > ?"
                        + " and aggregateidentifier ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'",
                UUID.class, globalIndex));
    }

    private long head() {
        Long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        return head == null ? 0 : head;
    }
}
