package com.clinic.scheduling.application.queue;

import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_ATTEND;
import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_CALL;
import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_ISSUE_TICKET;
import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_PRIORITISE;
import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_SERVE;
import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_TRANSFER;
import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_VIEW;
import static com.clinic.scheduling.application.SchedulingOperation.QUEUE_VIEW_TICKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.access.FixedActorRecords;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole role and scope matrix of the queue, operation by operation, as the access policy applies it. */
class QueueAccessRulesTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID OTHER_CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID OTHER_BRANCH = UUID.randomUUID();
    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID DOCTOR_USER = UUID.randomUUID();
    private static final UUID COLLEAGUE_USER = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID PATIENT_USER = UUID.randomUUID();
    private static final QueueKey KEY = new QueueKey(DOCTOR, BRANCH, LocalDate.parse("2026-06-01"));
    private static final BranchFacts FACTS = new BranchFacts(BRANCH, CLINIC, java.time.ZoneId.of("Asia/Riyadh"));
    private static final Target QUEUE = QueueTargets.of(KEY, FACTS);
    private static final List<SchedulingOperation> QUEUE_OPERATIONS = List.of(
            QUEUE_ISSUE_TICKET, QUEUE_PRIORITISE, QUEUE_TRANSFER, QUEUE_CALL, QUEUE_ATTEND, QUEUE_SERVE, QUEUE_VIEW);

    private final AccessPolicy access = new FixedActorRecords()
            .doctor(DOCTOR_USER, DOCTOR)
            .doctor(COLLEAGUE_USER, UUID.randomUUID())
            .patient(PATIENT_USER, PATIENT)
            .policy();

    private static Actor actor(UUID user, Role role, UUID clinic, UUID branch) {
        return new Actor(user, role, Optional.ofNullable(clinic), Optional.ofNullable(branch));
    }

    private Set<SchedulingOperation> allowed(Actor actor) {
        Set<SchedulingOperation> allowed = EnumSet.noneOf(SchedulingOperation.class);
        for (SchedulingOperation operation : QUEUE_OPERATIONS) {
            if (access.permits(actor, operation, QUEUE)) {
                allowed.add(operation);
            }
        }
        return allowed;
    }

    @Test
    void adminsMayDoEverything() {
        assertThat(allowed(actor(UUID.randomUUID(), Role.ADMIN, null, null)))
                .containsExactlyInAnyOrderElementsOf(QUEUE_OPERATIONS);
    }

    @Test
    void managersMayDoEverythingInTheirOwnClinicOnly() {
        assertThat(allowed(actor(UUID.randomUUID(), Role.MANAGER, CLINIC, null)))
                .containsExactlyInAnyOrderElementsOf(QUEUE_OPERATIONS);
        assertThat(allowed(actor(UUID.randomUUID(), Role.MANAGER, OTHER_CLINIC, null)))
                .isEmpty();
        assertThat(allowed(actor(UUID.randomUUID(), Role.MANAGER, null, null))).isEmpty();
    }

    @Test
    void receptionRunsTheWaitingRoomOfItsOwnBranchButNeverCallsOrServes() {
        assertThat(allowed(actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, BRANCH)))
                .containsExactlyInAnyOrder(
                        QUEUE_ISSUE_TICKET, QUEUE_PRIORITISE, QUEUE_TRANSFER, QUEUE_ATTEND, QUEUE_VIEW);
        assertThat(allowed(actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, OTHER_BRANCH)))
                .isEmpty();
    }

    @Test
    void aDoctorWorksTheirOwnQueueOnly() {
        assertThat(allowed(actor(DOCTOR_USER, Role.DOCTOR, CLINIC, BRANCH)))
                .containsExactlyInAnyOrder(QUEUE_CALL, QUEUE_ATTEND, QUEUE_SERVE, QUEUE_VIEW);
        assertThat(allowed(actor(COLLEAGUE_USER, Role.DOCTOR, CLINIC, BRANCH))).isEmpty();
        assertThat(allowed(actor(UUID.randomUUID(), Role.DOCTOR, CLINIC, BRANCH)))
                .as("a doctor account with no doctor record")
                .isEmpty();
    }

    @Test
    void patientsAndAuditorsDoNothingToAQueueAndAreToldSoWith403() {
        assertThat(allowed(actor(PATIENT_USER, Role.PATIENT, null, null))).isEmpty();
        assertThat(allowed(actor(UUID.randomUUID(), Role.AUDITOR, null, null))).isEmpty();
        assertThatThrownBy(() -> access.require(actor(PATIENT_USER, Role.PATIENT, null, null), QUEUE_VIEW, QUEUE))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void aBranchStaffAccountWhoseBranchIsOutsideItsClinicReachesNothingThere() {
        // Made before scopes were checked against the directory: clinic OTHER_CLINIC, branch BRANCH of CLINIC.
        assertThat(allowed(actor(UUID.randomUUID(), Role.RECEPTIONIST, OTHER_CLINIC, BRANCH)))
                .isEmpty();
        assertThat(allowed(actor(DOCTOR_USER, Role.DOCTOR, OTHER_CLINIC, BRANCH)))
                .isEmpty();
    }

    @Test
    void aPatientFollowsOnlyTheirOwnTicketAndStaffTheTicketsOfQueuesTheyMayView() {
        Actor patient = actor(PATIENT_USER, Role.PATIENT, null, null);
        assertThatCode(() -> access.require(patient, QUEUE_VIEW_TICKET, QUEUE.ofPatient(PATIENT)))
                .doesNotThrowAnyException();
        // Someone else's ticket is answered like an unknown one: its id cannot be probed.
        assertThatThrownBy(() -> access.require(patient, QUEUE_VIEW_TICKET, QUEUE.ofPatient(UUID.randomUUID())))
                .isInstanceOfSatisfying(Rejection.NotFound.class, notFound -> assertThat(notFound.code())
                        .isEqualTo("queue.ticket-not-found"));
        assertThatThrownBy(() -> access.require(patient, QUEUE_VIEW_TICKET, QUEUE))
                .isInstanceOf(Rejection.NotFound.class);

        assertThatCode(() -> access.require(
                        actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, BRANCH), QUEUE_VIEW_TICKET, QUEUE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() ->
                        access.require(actor(COLLEAGUE_USER, Role.DOCTOR, CLINIC, BRANCH), QUEUE_VIEW_TICKET, QUEUE))
                .isInstanceOf(Rejection.NotFound.class);
    }
}
