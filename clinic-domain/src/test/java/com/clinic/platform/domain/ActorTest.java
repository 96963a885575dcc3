package com.clinic.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID OTHER_CLINIC = UUID.randomUUID();
    private static final UUID OTHER_BRANCH = UUID.randomUUID();

    private static Actor actor(Role role, UUID clinic, UUID branch) {
        return new Actor(UUID.randomUUID(), role, Optional.ofNullable(clinic), Optional.ofNullable(branch));
    }

    @Test
    void branchStaffWorkAtTheirBranchOfTheirClinicOnly() {
        Actor receptionist = actor(Role.RECEPTIONIST, CLINIC, BRANCH);

        assertThat(receptionist.worksAt(CLINIC, BRANCH)).isTrue();
        assertThat(receptionist.worksAt(CLINIC, OTHER_BRANCH)).isFalse();
        assertThat(receptionist.worksInClinic(CLINIC)).isTrue();
        assertThat(receptionist.worksInClinic(OTHER_CLINIC)).isFalse();
    }

    @Test
    void aBranchOutsideTheAccountsClinicIsReachedFromNeitherSide() {
        // Clinic 1 with a branch of clinic 2: an account made before scopes were checked.
        Actor inconsistent = actor(Role.DOCTOR, CLINIC, OTHER_BRANCH);

        assertThat(inconsistent.worksAt(OTHER_CLINIC, OTHER_BRANCH)).isFalse();
        assertThat(inconsistent.worksInClinic(OTHER_CLINIC)).isFalse();
    }

    @Test
    void aManagerWorksAtEveryBranchOfTheirClinic() {
        Actor manager = actor(Role.MANAGER, CLINIC, null);

        assertThat(manager.worksAt(CLINIC, BRANCH)).isTrue();
        assertThat(manager.worksAt(CLINIC, OTHER_BRANCH)).isTrue();
        assertThat(manager.worksAt(OTHER_CLINIC, OTHER_BRANCH)).isFalse();
    }

    @Test
    void accountsWithoutScopeWorkNowhere() {
        assertThat(actor(Role.ADMIN, null, null).worksAt(CLINIC, BRANCH)).isFalse();
        assertThat(actor(Role.ADMIN, null, null).worksInClinic(CLINIC)).isFalse();
        assertThat(actor(Role.RECEPTIONIST, CLINIC, null).worksAt(CLINIC, BRANCH))
                .as("branch staff without a branch")
                .isFalse();
    }
}
