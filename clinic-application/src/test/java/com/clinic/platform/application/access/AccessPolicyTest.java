package com.clinic.platform.application.access;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Grant.inOwnBranch;
import static com.clinic.platform.application.access.Grant.inOwnClinic;
import static com.clinic.platform.application.access.Grant.ownDoctorRecord;
import static com.clinic.platform.application.access.Grant.ownPatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the one access policy reads a rule: reach by role, and 403 or 404 when refused. */
class AccessPolicyTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID OTHER_CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID OTHER_BRANCH = UUID.randomUUID();
    private static final UUID DOCTOR_USER = UUID.randomUUID();
    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID PATIENT_USER = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();

    /** A hidden resource: a patient's visit. */
    private enum Probe implements Operation {
        VISIT(new Rule(
                Refusal.asNotFound("visit.not-found"),
                List.of(
                        anywhere(Role.ADMIN),
                        inOwnClinic(Role.MANAGER),
                        inOwnBranch(Role.RECEPTIONIST),
                        ownDoctorRecord(),
                        ownPatientRecord()))),
        /** A resource whose existence is no secret: a branch's settings. */
        SETTINGS(new Rule(Refusal.forbidden(), List.of(anywhere(Role.ADMIN), inOwnClinic(Role.MANAGER))));

        private final Rule rule;

        Probe(Rule rule) {
            this.rule = rule;
        }

        @Override
        public Rule rule() {
            return rule;
        }
    }

    private final AccessPolicy policy = new FixedActorRecords()
            .doctor(DOCTOR_USER, DOCTOR)
            .patient(PATIENT_USER, PATIENT)
            .policy();

    private static final Target VISIT_HERE =
            Target.branch(CLINIC, BRANCH).ofDoctor(DOCTOR).ofPatient(PATIENT);

    private static Actor actor(UUID user, Role role, UUID clinic, UUID branch) {
        return new Actor(user, role, Optional.ofNullable(clinic), Optional.ofNullable(branch));
    }

    @Test
    void eachRoleReachesAsFarAsItsGrantSays() {
        assertThat(policy.permits(actor(UUID.randomUUID(), Role.ADMIN, null, null), Probe.VISIT, VISIT_HERE))
                .isTrue();
        assertThat(policy.permits(actor(UUID.randomUUID(), Role.MANAGER, CLINIC, null), Probe.VISIT, VISIT_HERE))
                .isTrue();
        assertThat(policy.permits(actor(UUID.randomUUID(), Role.MANAGER, OTHER_CLINIC, null), Probe.VISIT, VISIT_HERE))
                .isFalse();
        assertThat(policy.permits(actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, BRANCH), Probe.VISIT, VISIT_HERE))
                .isTrue();
        assertThat(policy.permits(
                        actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, OTHER_BRANCH), Probe.VISIT, VISIT_HERE))
                .isFalse();
        assertThat(policy.permits(actor(DOCTOR_USER, Role.DOCTOR, CLINIC, OTHER_BRANCH), Probe.VISIT, VISIT_HERE))
                .as("a doctor's own record reaches across the branches of their clinic")
                .isTrue();
        assertThat(policy.permits(actor(DOCTOR_USER, Role.DOCTOR, OTHER_CLINIC, BRANCH), Probe.VISIT, VISIT_HERE))
                .as("but never outside their clinic")
                .isFalse();
        assertThat(policy.permits(actor(PATIENT_USER, Role.PATIENT, null, null), Probe.VISIT, VISIT_HERE))
                .isTrue();
        assertThat(policy.permits(
                        actor(PATIENT_USER, Role.PATIENT, null, null),
                        Probe.VISIT,
                        Target.branch(CLINIC, BRANCH).ofPatient(UUID.randomUUID())))
                .isFalse();
    }

    @Test
    void aRoleWithoutAnyGrantIsRefusedWith403WhateverItNames() {
        Actor auditor = actor(UUID.randomUUID(), Role.AUDITOR, null, null);
        assertThatThrownBy(() -> policy.requireRole(auditor, Probe.VISIT)).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> policy.require(auditor, Probe.VISIT, VISIT_HERE))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void aHiddenResourceOutOfReachAnswersExactlyAsAnUnknownOne() {
        Actor elsewhere = actor(UUID.randomUUID(), Role.RECEPTIONIST, OTHER_CLINIC, OTHER_BRANCH);
        assertThatThrownBy(() -> policy.require(elsewhere, Probe.VISIT, VISIT_HERE))
                .isInstanceOfSatisfying(Rejection.NotFound.class, notFound -> assertThat(notFound.code())
                        .isEqualTo("visit.not-found"));
    }

    @Test
    void aResourceThatIsNoSecretIsRefusedWith403() {
        Actor manager = actor(UUID.randomUUID(), Role.MANAGER, OTHER_CLINIC, null);
        assertThatThrownBy(() -> policy.require(manager, Probe.SETTINGS, Target.clinic(CLINIC)))
                .isInstanceOf(AccessRefused.class);
        assertThatCode(() -> policy.require(manager, Probe.SETTINGS, Target.clinic(OTHER_CLINIC)))
                .doesNotThrowAnyException();
    }

    @Test
    void aTargetMissingThePartAGrantNeedsIsOutOfReach() {
        Actor receptionist = actor(UUID.randomUUID(), Role.RECEPTIONIST, CLINIC, BRANCH);
        assertThat(policy.permits(receptionist, Probe.VISIT, Target.clinic(CLINIC)))
                .isFalse();
        Actor doctor = actor(DOCTOR_USER, Role.DOCTOR, CLINIC, BRANCH);
        assertThat(policy.permits(doctor, Probe.VISIT, Target.branch(CLINIC, BRANCH)))
                .isFalse();
    }

    @Test
    void aRoleIsGrantedAtMostOnceAndEveryOperationToSomeone() {
        assertThatThrownBy(() -> new Rule(
                        Refusal.forbidden(), List.of(anywhere(Role.ADMIN), inOwnClinic(Role.MANAGER, Role.ADMIN))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule(Refusal.forbidden(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
