package com.clinic.directory.domain.clinic;

import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.clinic.ClinicCommand.CreateClinic;
import com.clinic.directory.domain.clinic.ClinicCommand.UpdateClinic;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicUpdated;
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClinicDeciderTest {

    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final ClinicDecider DECIDER = new ClinicDecider();

    private final DeciderSpecification<ClinicCommand, ClinicEvent, ClinicState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static SiteProfile profile(String nameEn, Set<DayOfWeek> days) {
        return new SiteProfile(
                new BilingualText("مستشفى الشفاء", nameEn),
                "King Fahd Road",
                "+966112345678",
                "Asia/Riyadh",
                "SAR",
                days);
    }

    private static final SiteProfile SHIFA = profile("Al Shifa", Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY));
    private static final SiteProfile RENAMED = profile("Al Shifa Group", Set.of(DayOfWeek.SUNDAY));

    @Test
    void aNewClinicIsCreatedWithItsProfile() {
        spec.when(new CreateClinic(CLINIC, SHIFA))
                .then(new ClinicCreated(CLINIC, SHIFA))
                .andState(new ClinicState.Existing(CLINIC, SHIFA));
    }

    @Test
    void aClinicIsCreatedOnlyOnce() {
        spec.given(new ClinicCreated(CLINIC, SHIFA))
                .when(new CreateClinic(CLINIC, SHIFA))
                .thenRejects(Rejection.Conflict.class, "clinic.already-exists");
    }

    @Test
    void aClinicNeedsANameInBothLanguages() {
        spec.when(new CreateClinic(CLINIC, profile(" ", Set.of(DayOfWeek.MONDAY))))
                .thenRejects(Rejection.RuleViolated.class, "clinic.name-required");
    }

    @Test
    void aClinicThatNeverOpensCannotBeCreated() {
        spec.when(new CreateClinic(CLINIC, profile("Al Shifa", Set.of())))
                .thenRejects(Rejection.RuleViolated.class, "clinic.working-days-required");
    }

    @Test
    void anUpdateReplacesTheProfile() {
        spec.given(new ClinicCreated(CLINIC, SHIFA))
                .when(new UpdateClinic(CLINIC, RENAMED))
                .then(new ClinicUpdated(CLINIC, RENAMED))
                .andState(new ClinicState.Existing(CLINIC, RENAMED));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        spec.given(new ClinicCreated(CLINIC, SHIFA), new ClinicUpdated(CLINIC, RENAMED))
                .when(new UpdateClinic(CLINIC, RENAMED))
                .thenNothing();
    }

    @Test
    void anUpdateMustKeepTheProfileComplete() {
        spec.given(new ClinicCreated(CLINIC, SHIFA))
                .when(new UpdateClinic(CLINIC, profile("Al Shifa", Set.of())))
                .thenRejects(Rejection.RuleViolated.class, "clinic.working-days-required");
        spec.given(new ClinicCreated(CLINIC, SHIFA))
                .when(new UpdateClinic(CLINIC, profile("", Set.of(DayOfWeek.MONDAY))))
                .thenRejects(Rejection.RuleViolated.class, "clinic.name-required");
    }

    @Test
    void anUnknownClinicIsNotFoundBeforeItsProfileIsJudged() {
        spec.when(new UpdateClinic(CLINIC, SHIFA)).thenRejects(Rejection.NotFound.class, "clinic.not-found");
        spec.when(new UpdateClinic(CLINIC, profile("", Set.of())))
                .thenRejects(Rejection.NotFound.class, "clinic.not-found");
    }
}
