package com.clinic.directory.application.clinic;

import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.branch.BranchCommand.OpenBranch;
import com.clinic.directory.domain.branch.BranchCommand.UpdateBranch;
import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.branch.BranchEvent.BranchUpdated;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BranchAggregateTest {

    static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-000000000002");

    static SiteProfile dubai(String nameEn, Set<DayOfWeek> days) {
        return new SiteProfile(
                new BilingualText("فرع دبي", nameEn), "Sheikh Zayed Road", "+97143456789", "Asia/Dubai", "AED", days);
    }

    static final SiteProfile DUBAI = dubai("Dubai branch", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY));

    private FixtureConfiguration<BranchAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BranchAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    @Test
    void aBranchOpensUnderItsClinic() {
        fixture.givenNoPriorActivity()
                .when(new OpenBranch(BRANCH, CLINIC, DUBAI))
                .expectEvents(new BranchOpened(BRANCH, CLINIC, DUBAI));
    }

    @Test
    void aBranchThatNeverOpensIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenBranch(BRANCH, CLINIC, dubai("Dubai branch", Set.of())))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("branch.working-days-required");
    }

    @Test
    void aBranchNeedsANameInBothLanguages() {
        fixture.givenNoPriorActivity()
                .when(new OpenBranch(BRANCH, CLINIC, dubai("", Set.of(DayOfWeek.MONDAY))))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("branch.name-required");
    }

    @Test
    void anUpdateKeepsTheBranchInItsClinic() {
        SiteProfile changed = dubai("Dubai Marina branch", Set.of(DayOfWeek.SATURDAY));
        fixture.given(new BranchOpened(BRANCH, CLINIC, DUBAI))
                .when(new UpdateBranch(BRANCH, changed))
                .expectEvents(new BranchUpdated(BRANCH, CLINIC, changed))
                .expectResultMessagePayload(1L);
    }

    @Test
    void updatingWithIdenticalDetailsRecordsNothing() {
        fixture.given(new BranchOpened(BRANCH, CLINIC, DUBAI))
                .when(new UpdateBranch(BRANCH, DUBAI))
                .expectNoEvents();
    }

    @Test
    void anUpdateCannotRemoveEveryWorkingDay() {
        fixture.given(new BranchOpened(BRANCH, CLINIC, DUBAI))
                .when(new UpdateBranch(BRANCH, dubai("Dubai branch", Set.of())))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("branch.working-days-required");
    }

    @Test
    void anUnknownBranchCannotBeUpdated() {
        fixture.givenNoPriorActivity()
                .when(new UpdateBranch(BRANCH, DUBAI))
                .expectException(AggregateNotFoundException.class);
    }
}
