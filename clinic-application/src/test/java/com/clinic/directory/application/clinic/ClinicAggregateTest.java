package com.clinic.directory.application.clinic;

import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.clinic.ClinicCommand.CreateClinic;
import com.clinic.directory.domain.clinic.ClinicCommand.UpdateClinic;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicUpdated;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClinicAggregateTest {

    static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");

    static SiteProfile profile(String nameEn, Set<DayOfWeek> days) {
        return new SiteProfile(
                new BilingualText("مستشفى الشفاء", nameEn),
                "King Fahd Road, Riyadh",
                "+966112345678",
                "Asia/Riyadh",
                "SAR",
                days);
    }

    static final SiteProfile PROFILE = profile("Al Shifa Medical", EnumSet.range(DayOfWeek.SUNDAY, DayOfWeek.SUNDAY));

    private FixtureConfiguration<ClinicAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClinicAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    @Test
    void aNewClinicIsCreatedWithItsBilingualProfile() {
        fixture.givenNoPriorActivity()
                .when(new CreateClinic(CLINIC, PROFILE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClinicCreated(CLINIC, PROFILE));
    }

    @Test
    void aClinicThatNeverOpensCannotBeCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateClinic(CLINIC, profile("Al Shifa Medical", Set.of())))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("clinic.working-days-required")
                .expectNoEvents();
    }

    @Test
    void aClinicNeedsANameInBothLanguages() {
        fixture.givenNoPriorActivity()
                .when(new CreateClinic(CLINIC, profile(" ", Set.of(DayOfWeek.MONDAY))))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("clinic.name-required");
    }

    @Test
    void anExistingClinicIsUpdatedAndAnswersItsNewVersion() {
        SiteProfile changed = profile("Al Shifa Medical Group", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY));
        fixture.given(new ClinicCreated(CLINIC, PROFILE))
                .when(new UpdateClinic(CLINIC, changed))
                .expectEvents(new ClinicUpdated(CLINIC, changed))
                .expectResultMessagePayload(1L);
    }

    @Test
    void updatingWithIdenticalDetailsRecordsNothing() {
        fixture.given(new ClinicCreated(CLINIC, PROFILE))
                .when(new UpdateClinic(CLINIC, PROFILE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void anUpdateCannotRemoveEveryWorkingDay() {
        fixture.given(new ClinicCreated(CLINIC, PROFILE))
                .when(new UpdateClinic(CLINIC, profile("Al Shifa Medical", Set.of())))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("clinic.working-days-required")
                .expectNoEvents();
    }

    @Test
    void anUnknownClinicCannotBeUpdated() {
        fixture.givenNoPriorActivity()
                .when(new UpdateClinic(CLINIC, PROFILE))
                .expectException(AggregateNotFoundException.class);
    }
}
