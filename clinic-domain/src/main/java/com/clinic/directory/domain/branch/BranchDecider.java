package com.clinic.directory.domain.branch;

import com.clinic.directory.domain.branch.BranchCommand.OpenBranch;
import com.clinic.directory.domain.branch.BranchCommand.UpdateBranch;
import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.branch.BranchEvent.BranchUpdated;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.util.List;

/** Branches open once under a clinic and are updated afterwards; a no-change update records nothing. */
public final class BranchDecider implements Decider<BranchCommand, BranchEvent, BranchState> {

    @Override
    public BranchState initialState() {
        return new BranchState.Absent();
    }

    @Override
    public List<BranchEvent> decide(BranchCommand command, BranchState state) {
        return switch (command) {
            case OpenBranch open -> {
                if (state instanceof BranchState.Open) {
                    throw new Rejection.Conflict("branch.already-exists", open.branchId());
                }
                open.profile().checkComplete("branch");
                yield List.of(new BranchOpened(open.branchId(), open.clinicId(), open.profile()));
            }
            case UpdateBranch update -> {
                BranchState.Open current = open(state);
                update.profile().checkComplete("branch");
                yield current.profile().equals(update.profile())
                        ? List.of()
                        : List.of(new BranchUpdated(update.branchId(), current.clinicId(), update.profile()));
            }
        };
    }

    @Override
    public BranchState evolve(BranchState state, BranchEvent event) {
        return switch (event) {
            case BranchOpened opened -> new BranchState.Open(opened.branchId(), opened.clinicId(), opened.profile());
            case BranchUpdated updated ->
                new BranchState.Open(updated.branchId(), updated.clinicId(), updated.profile());
        };
    }

    private static BranchState.Open open(BranchState state) {
        if (state instanceof BranchState.Open open) {
            return open;
        }
        throw new Rejection.NotFound("branch.not-found");
    }
}
