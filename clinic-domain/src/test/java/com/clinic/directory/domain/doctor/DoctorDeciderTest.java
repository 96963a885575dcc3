package com.clinic.directory.domain.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.doctor.DoctorCommand.ActivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.DeactivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.RegisterDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.UpdateDoctorProfile;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorActivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorProfileUpdated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DoctorDeciderTest {

    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-000000000010");
    private static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000011");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID RIYADH = UUID.fromString("00000000-0000-7000-8000-000000000002");
    private static final UUID JEDDAH = UUID.fromString("00000000-0000-7000-8000-000000000003");
    private static final DoctorDecider DECIDER = new DoctorDecider();

    private final DeciderSpecification<DoctorCommand, DoctorEvent, DoctorState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static DoctorProfile profile(BilingualText name, Set<UUID> branches, List<Fee> fees) {
        return new DoctorProfile(
                name,
                branches,
                Set.of("cardiology"),
                Set.of("ar", "en"),
                fees,
                new BilingualText("استشارية قلب", "Consultant cardiologist"));
    }

    private static final BilingualText SARA = new BilingualText("د. سارة", "Dr. Sara");
    private static final DoctorProfile PROFILE =
            profile(SARA, Set.of(RIYADH), List.of(new Fee(RIYADH, new BigDecimal("350.00"), "SAR")));
    private static final DoctorProfile TWO_BRANCHES = profile(
            SARA,
            Set.of(RIYADH, JEDDAH),
            List.of(new Fee(RIYADH, new BigDecimal("350.00"), "SAR"), new Fee(JEDDAH, BigDecimal.ZERO, "SAR")));
    private static final DoctorRegistered REGISTERED = new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE);

    @Test
    void aDoctorIsRegisteredActive() {
        spec.when(new RegisterDoctor(DOCTOR, USER, CLINIC, PROFILE))
                .then(REGISTERED)
                .andState(new DoctorState.Registered(DOCTOR, USER, CLINIC, PROFILE, true));
    }

    @Test
    void aDoctorIsRegisteredOnlyOnce() {
        spec.given(REGISTERED)
                .when(new RegisterDoctor(DOCTOR, USER, CLINIC, PROFILE))
                .thenRejects(Rejection.Conflict.class, "doctor.already-exists");
    }

    @Test
    void aDoctorNeedsANameInBothLanguagesAndABranch() {
        spec.when(new RegisterDoctor(
                        DOCTOR, USER, CLINIC, profile(new BilingualText("د. سارة", " "), Set.of(RIYADH), List.of())))
                .thenRejects(Rejection.RuleViolated.class, "doctor.name-required");
        spec.when(new RegisterDoctor(DOCTOR, USER, CLINIC, profile(SARA, Set.of(), List.of())))
                .thenRejects(Rejection.RuleViolated.class, "doctor.branch-required");
    }

    @Test
    void aFeeIsOnlyForABranchTheDoctorWorksAt() {
        Rejection rejection = spec.when(new RegisterDoctor(
                        DOCTOR,
                        USER,
                        CLINIC,
                        profile(SARA, Set.of(RIYADH), List.of(new Fee(JEDDAH, BigDecimal.TEN, "SAR")))))
                .thenRejects(Rejection.RuleViolated.class, "doctor.fee-outside-branches");

        assertThat(rejection.arguments()).containsExactly(JEDDAH);
    }

    @Test
    void aBranchHasAtMostOneFee() {
        spec.when(new RegisterDoctor(
                        DOCTOR,
                        USER,
                        CLINIC,
                        profile(
                                SARA,
                                Set.of(RIYADH),
                                List.of(
                                        new Fee(RIYADH, BigDecimal.TEN, "SAR"),
                                        new Fee(RIYADH, BigDecimal.ONE, "SAR")))))
                .thenRejects(Rejection.RuleViolated.class, "doctor.duplicate-fee");
    }

    @Test
    void aFeeIsNeverNegativeButMayBeFree() {
        spec.when(new RegisterDoctor(
                        DOCTOR,
                        USER,
                        CLINIC,
                        profile(SARA, Set.of(RIYADH), List.of(new Fee(RIYADH, new BigDecimal("-0.01"), "SAR")))))
                .thenRejects(Rejection.RuleViolated.class, "doctor.negative-fee");
        spec.when(new RegisterDoctor(DOCTOR, USER, CLINIC, TWO_BRANCHES))
                .then(new DoctorRegistered(DOCTOR, USER, CLINIC, TWO_BRANCHES));
    }

    @Test
    void aProfileUpdateIsRecordedAndKeepsTheDoctorActive() {
        spec.given(REGISTERED)
                .when(new UpdateDoctorProfile(DOCTOR, TWO_BRANCHES))
                .then(new DoctorProfileUpdated(DOCTOR, TWO_BRANCHES))
                .andState(new DoctorState.Registered(DOCTOR, USER, CLINIC, TWO_BRANCHES, true));
    }

    @Test
    void anUnchangedProfileRecordsNothing() {
        spec.given(REGISTERED).when(new UpdateDoctorProfile(DOCTOR, PROFILE)).thenNothing();
    }

    @Test
    void anUpdateMustKeepTheProfileValid() {
        spec.given(REGISTERED)
                .when(new UpdateDoctorProfile(DOCTOR, profile(SARA, Set.of(), List.of())))
                .thenRejects(Rejection.RuleViolated.class, "doctor.branch-required");
    }

    @Test
    void anActiveDoctorIsDeactivatedAndCanBeActivatedAgain() {
        spec.given(REGISTERED)
                .when(new DeactivateDoctor(DOCTOR))
                .then(new DoctorDeactivated(DOCTOR))
                .andState(new DoctorState.Registered(DOCTOR, USER, CLINIC, PROFILE, false));
        spec.given(REGISTERED, new DoctorDeactivated(DOCTOR))
                .when(new ActivateDoctor(DOCTOR))
                .then(new DoctorActivated(DOCTOR))
                .andState(new DoctorState.Registered(DOCTOR, USER, CLINIC, PROFILE, true));
    }

    @Test
    void anInactiveDoctorCannotBeDeactivatedAgain() {
        spec.given(REGISTERED, new DoctorDeactivated(DOCTOR))
                .when(new DeactivateDoctor(DOCTOR))
                .thenRejects(Rejection.Conflict.class, "doctor.already-inactive");
    }

    @Test
    void anActiveDoctorCannotBeActivatedAgain() {
        spec.given(REGISTERED, new DoctorDeactivated(DOCTOR), new DoctorActivated(DOCTOR))
                .when(new ActivateDoctor(DOCTOR))
                .thenRejects(Rejection.Conflict.class, "doctor.already-active");
    }

    @Test
    void anUnregisteredDoctorIsNotFoundForEveryChange() {
        spec.when(new UpdateDoctorProfile(DOCTOR, PROFILE)).thenRejects(Rejection.NotFound.class, "doctor.not-found");
        spec.when(new DeactivateDoctor(DOCTOR)).thenRejects(Rejection.NotFound.class, "doctor.not-found");
        spec.when(new ActivateDoctor(DOCTOR)).thenRejects(Rejection.NotFound.class, "doctor.not-found");
    }
}
