package com.clinic.identity.application;

import com.clinic.identity.domain.UserAccountState;
import com.clinic.platform.domain.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * An account's state and version right after a command, returned by the aggregate so that the
 * service can mirror it into the credential table in the same transaction and answer with an ETag.
 */
public record AccountSnapshot(
        UUID userId,
        Role role,
        Optional<UUID> clinicId,
        Optional<UUID> branchId,
        boolean activated,
        boolean disabled,
        long version) {

    static AccountSnapshot of(UserAccountState.Existing state, long version) {
        return new AccountSnapshot(
                state.userId(),
                state.role(),
                state.clinicId(),
                state.branchId(),
                state.activated(),
                state.disabled(),
                version);
    }
}
