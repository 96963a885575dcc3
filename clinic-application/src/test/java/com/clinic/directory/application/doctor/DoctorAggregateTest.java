package com.clinic.directory.application.doctor;

import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.doctor.DoctorCommand.ActivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.DeactivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.RegisterDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.UpdateDoctorProfile;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorActivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorProfileUpdated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.directory.domain.doctor.DoctorProfile;
import com.clinic.directory.domain.doctor.Fee;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoctorAggregateTest {

    static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-000000000010");
    static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000011");
    static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID RIYADH = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final UUID JEDDAH = UUID.fromString("00000000-0000-7000-8000-000000000003");

    static DoctorProfile profile(Set<UUID> branches, List<Fee> fees) {
        return new DoctorProfile(
                new BilingualText("د. سارة القحطاني", "Dr. Sarah Al-Qahtani"),
                branches,
                Set.of("cardiology"),
                Set.of("ar", "en"),
                fees,
                new BilingualText("استشارية قلب", "Consultant cardiologist"));
    }

    static final DoctorProfile PROFILE =
            profile(Set.of(RIYADH), List.of(new Fee(RIYADH, new BigDecimal("350.00"), "SAR")));

    private FixtureConfiguration<DoctorAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DoctorAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    @Test
    void aDoctorIsRegisteredActiveWithTheirProfile() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDoctor(DOCTOR, USER, CLINIC, PROFILE))
                .expectEvents(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE));
    }

    @Test
    void aDoctorMustWorkAtOneBranchAtLeast() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDoctor(DOCTOR, USER, CLINIC, profile(Set.of(), List.of())))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("doctor.branch-required");
    }

    @Test
    void aFeeCannotBeSetForABranchTheDoctorDoesNotWorkAt() {
        DoctorProfile foreignFee = profile(Set.of(RIYADH), List.of(new Fee(JEDDAH, BigDecimal.TEN, "SAR")));
        fixture.givenNoPriorActivity()
                .when(new RegisterDoctor(DOCTOR, USER, CLINIC, foreignFee))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("doctor.fee-outside-branches");
    }

    @Test
    void aBranchHasOneFeeOnly() {
        DoctorProfile twoFees = profile(
                Set.of(RIYADH),
                List.of(new Fee(RIYADH, BigDecimal.TEN, "SAR"), new Fee(RIYADH, BigDecimal.ONE, "SAR")));
        fixture.givenNoPriorActivity()
                .when(new RegisterDoctor(DOCTOR, USER, CLINIC, twoFees))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("doctor.duplicate-fee");
    }

    @Test
    void aFeeCannotBeNegative() {
        DoctorProfile negative = profile(Set.of(RIYADH), List.of(new Fee(RIYADH, new BigDecimal("-1"), "SAR")));
        fixture.givenNoPriorActivity()
                .when(new RegisterDoctor(DOCTOR, USER, CLINIC, negative))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("doctor.negative-fee");
    }

    @Test
    void aDoctorsProfileIsUpdated() {
        DoctorProfile twoBranches = profile(
                Set.of(RIYADH, JEDDAH),
                List.of(
                        new Fee(RIYADH, new BigDecimal("350.00"), "SAR"),
                        new Fee(JEDDAH, new BigDecimal("300.00"), "SAR")));
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE))
                .when(new UpdateDoctorProfile(DOCTOR, twoBranches))
                .expectEvents(new DoctorProfileUpdated(DOCTOR, twoBranches))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anUnchangedProfileRecordsNothing() {
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE))
                .when(new UpdateDoctorProfile(DOCTOR, PROFILE))
                .expectNoEvents();
    }

    @Test
    void anUpdateMustKeepTheProfileValid() {
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE))
                .when(new UpdateDoctorProfile(DOCTOR, profile(Set.of(), List.of())))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("doctor.branch-required");
    }

    @Test
    void anActiveDoctorIsDeactivated() {
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE))
                .when(new DeactivateDoctor(DOCTOR))
                .expectEvents(new DoctorDeactivated(DOCTOR));
    }

    @Test
    void anInactiveDoctorCannotBeDeactivatedAgain() {
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE), new DoctorDeactivated(DOCTOR))
                .when(new DeactivateDoctor(DOCTOR))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("doctor.already-inactive");
    }

    @Test
    void anInactiveDoctorIsReactivated() {
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE), new DoctorDeactivated(DOCTOR))
                .when(new ActivateDoctor(DOCTOR))
                .expectEvents(new DoctorActivated(DOCTOR))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anActiveDoctorCannotBeActivatedAgain() {
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE))
                .when(new ActivateDoctor(DOCTOR))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("doctor.already-active");
    }

    @Test
    void anInactiveDoctorsProfileCanStillBeCorrected() {
        DoctorProfile corrected = profile(Set.of(RIYADH), List.of());
        fixture.given(new DoctorRegistered(DOCTOR, USER, CLINIC, PROFILE), new DoctorDeactivated(DOCTOR))
                .when(new UpdateDoctorProfile(DOCTOR, corrected))
                .expectEvents(new DoctorProfileUpdated(DOCTOR, corrected));
    }

    @Test
    void anUnknownDoctorCannotBeDeactivated() {
        fixture.givenNoPriorActivity()
                .when(new DeactivateDoctor(DOCTOR))
                .expectException(AggregateNotFoundException.class);
    }
}
