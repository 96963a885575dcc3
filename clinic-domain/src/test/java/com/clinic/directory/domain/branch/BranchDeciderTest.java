package com.clinic.directory.domain.branch;

import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.branch.BranchCommand.OpenBranch;
import com.clinic.directory.domain.branch.BranchCommand.UpdateBranch;
import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.branch.BranchEvent.BranchUpdated;
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BranchDeciderTest {

    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-000000000002");
    private static final BranchDecider DECIDER = new BranchDecider();

    private final DeciderSpecification<BranchCommand, BranchEvent, BranchState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static SiteProfile dubai(String nameEn, Set<DayOfWeek> days) {
        return new SiteProfile(
                new BilingualText("فرع دبي", nameEn), "Sheikh Zayed Road", "+97143456789", "Asia/Dubai", "AED", days);
    }

    private static final SiteProfile DUBAI = dubai("Dubai branch", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY));
    private static final SiteProfile MARINA = dubai("Dubai Marina branch", Set.of(DayOfWeek.SATURDAY));

    @Test
    void aBranchOpensUnderItsClinic() {
        spec.when(new OpenBranch(BRANCH, CLINIC, DUBAI))
                .then(new BranchOpened(BRANCH, CLINIC, DUBAI))
                .andState(new BranchState.Open(BRANCH, CLINIC, DUBAI));
    }

    @Test
    void aBranchOpensOnlyOnce() {
        spec.given(new BranchOpened(BRANCH, CLINIC, DUBAI))
                .when(new OpenBranch(BRANCH, CLINIC, DUBAI))
                .thenRejects(Rejection.Conflict.class, "branch.already-exists");
    }

    @Test
    void aBranchNeedsANameInBothLanguagesAndWorkingDays() {
        spec.when(new OpenBranch(BRANCH, CLINIC, dubai("", Set.of(DayOfWeek.MONDAY))))
                .thenRejects(Rejection.RuleViolated.class, "branch.name-required");
        spec.when(new OpenBranch(BRANCH, CLINIC, dubai("Dubai branch", Set.of())))
                .thenRejects(Rejection.RuleViolated.class, "branch.working-days-required");
    }

    @Test
    void anUpdateKeepsTheBranchInItsClinic() {
        spec.given(new BranchOpened(BRANCH, CLINIC, DUBAI))
                .when(new UpdateBranch(BRANCH, MARINA))
                .then(new BranchUpdated(BRANCH, CLINIC, MARINA))
                .andState(new BranchState.Open(BRANCH, CLINIC, MARINA));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        spec.given(new BranchOpened(BRANCH, CLINIC, DUBAI), new BranchUpdated(BRANCH, CLINIC, MARINA))
                .when(new UpdateBranch(BRANCH, MARINA))
                .thenNothing();
    }

    @Test
    void anUpdateMustKeepTheProfileComplete() {
        spec.given(new BranchOpened(BRANCH, CLINIC, DUBAI))
                .when(new UpdateBranch(BRANCH, dubai("Dubai branch", Set.of())))
                .thenRejects(Rejection.RuleViolated.class, "branch.working-days-required");
    }

    @Test
    void anUnknownBranchCannotBeUpdated() {
        spec.when(new UpdateBranch(BRANCH, DUBAI)).thenRejects(Rejection.NotFound.class, "branch.not-found");
    }
}
