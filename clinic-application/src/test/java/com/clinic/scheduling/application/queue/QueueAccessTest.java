package com.clinic.scheduling.application.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.queue.QueueAccess.Action;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The whole role and scope matrix of the queue, action by action. */
class QueueAccessTest {

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

    private final QueueAccess access = new QueueAccess(new QueueTestDoubles.Directory()
            .branch(BRANCH, CLINIC)
            .doctor(DOCTOR_USER, DOCTOR, BRANCH)
            .doctor(COLLEAGUE_USER, UUID.randomUUID(), BRANCH)
            .patient(PATIENT_USER, PATIENT));

    private static Actor actor(UUID user, Role role, UUID clinic, UUID branch) {
        return new Actor(user, role, Optional.ofNullable(clinic), Optional.ofNullable(branch));
    }

    private Set<Action> allowed(Actor actor) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (access.allows(actor, action, KEY, FACTS)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    @Test
    void adminsMayDoEverything() {
        assertThat(allowed(actor(UUID.randomUUID(), Role.ADMIN, null, null))).containsExactly(Action.values());
    }

    @Test
    void managersMayDoEverythingInTheirOwnClinicOnly() {
        assertThat(allowed(actor(UUID.randomUUID(), Role.MANAGER, CLINIC, null)))
                .containsExactly(Action.values());
        assertThat(allowed(actor(UUID.randomUUID(), Role.MANAGER, OTHER_CLINIC, null)))
                .isEmpty();
        assertThat(allowed(actor(UUID.randomUUID(), Role.MANAGER, null, null))).isEmpty();
    }

    @Test
    void receptionRunsTheWaitingRoomOfItsOwnBranchButNeverCallsOrServes() {
        assertThat(allowed(actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, BRANCH)))
                .containsExactlyInAnyOrder(
                        Action.ISSUE, Action.PRIORITISE, Action.TRANSFER, Action.ATTEND, Action.VIEW);
        assertThat(allowed(actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, OTHER_BRANCH)))
                .isEmpty();
    }

    @Test
    void aDoctorWorksTheirOwnQueueOnly() {
        assertThat(allowed(actor(DOCTOR_USER, Role.DOCTOR, CLINIC, BRANCH)))
                .containsExactlyInAnyOrder(Action.CALL, Action.ATTEND, Action.SERVE, Action.VIEW);
        assertThat(allowed(actor(COLLEAGUE_USER, Role.DOCTOR, CLINIC, BRANCH))).isEmpty();
        assertThat(allowed(actor(UUID.randomUUID(), Role.DOCTOR, CLINIC, BRANCH)))
                .as("a doctor account with no doctor record")
                .isEmpty();
    }

    @Test
    void patientsAndAuditorsDoNothingToAQueue() {
        assertThat(allowed(actor(PATIENT_USER, Role.PATIENT, null, null))).isEmpty();
        assertThat(allowed(actor(UUID.randomUUID(), Role.AUDITOR, null, null))).isEmpty();
        assertThatThrownBy(() -> access.require(actor(PATIENT_USER, Role.PATIENT, null, null), Action.VIEW, KEY, FACTS))
                .isInstanceOf(AccessDeniedException.class);
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
        access.requireTicketView(patient, KEY, FACTS, Optional.of(PATIENT));
        // Someone else's ticket is answered like an unknown one: its id cannot be probed.
        assertThatThrownBy(() -> access.requireTicketView(patient, KEY, FACTS, Optional.of(UUID.randomUUID())))
                .isInstanceOfSatisfying(Rejection.NotFound.class, notFound -> assertThat(notFound.code())
                        .isEqualTo("queue.ticket-not-found"));
        assertThatThrownBy(() -> access.requireTicketView(patient, KEY, FACTS, Optional.empty()))
                .isInstanceOf(Rejection.NotFound.class);

        access.requireTicketView(
                actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, BRANCH), KEY, FACTS, Optional.empty());
        assertThatThrownBy(() -> access.requireTicketView(
                        actor(COLLEAGUE_USER, Role.DOCTOR, CLINIC, BRANCH), KEY, FACTS, Optional.empty()))
                .isInstanceOf(Rejection.NotFound.class);
    }
}
