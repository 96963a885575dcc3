package com.clinic.identity.application.port;

import com.clinic.identity.domain.AccountStatus;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Port: the {@code identity-users} read model, for administrators. */
public interface UserAccountQueries {

    record UserAccountView(
            UUID userId,
            Role role,
            AccountStatus status,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            Optional<String> email,
            Optional<String> phone,
            long version,
            Instant createdAt) {}

    record Filter(Optional<Role> role, Optional<AccountStatus> status) {

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty());
        }
    }

    /** Accounts in user-id order (stable under inserts), strictly after the page cursor. */
    Page<UserAccountView> list(Filter filter, PageRequest page);

    Optional<UserAccountView> find(UUID userId);
}
