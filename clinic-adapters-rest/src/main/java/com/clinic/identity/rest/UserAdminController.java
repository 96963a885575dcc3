package com.clinic.identity.rest;

import com.clinic.identity.application.AccountAdministration;
import com.clinic.identity.application.AccountSnapshot;
import com.clinic.identity.application.port.UserAccountQueries;
import com.clinic.identity.application.port.UserAccountQueries.UserAccountView;
import com.clinic.identity.domain.AccountStatus;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts. Administrators and managers invite (managers only doctors and receptionists of
 * their own clinic, checked by the service); only administrators list, change roles and disable.
 */
@Tag(name = "identity")
@RestController
@RequestMapping("/api/v1/users")
class UserAdminController {

    record CreateUserRequest(
            @Schema(example = "reception.riyadh@alshifa.example") @NotBlank @Email @Size(max = 254) String email,
            @Schema(example = "RECEPTIONIST") @NotNull Role role,
            @Schema(description = "Required for managers, receptionists and doctors") UUID clinicId,
            @Schema(description = "Required for receptionists and doctors") UUID branchId) {}

    /** The activation token appears only in this response; deliver it to the invitee out of band. */
    record CreateUserResponse(UUID userId, String activationToken, Instant activationExpiresAt) {}

    record ChangeRoleRequest(@NotNull Role role, UUID clinicId, UUID branchId) {}

    record UserResponse(
            UUID userId,
            Role role,
            AccountStatus status,
            UUID clinicId,
            UUID branchId,
            String email,
            String phone,
            long version,
            Instant createdAt) {

        static UserResponse of(UserAccountView view) {
            return new UserResponse(
                    view.userId(),
                    view.role(),
                    view.status(),
                    view.clinicId().orElse(null),
                    view.branchId().orElse(null),
                    view.email().orElse(null),
                    view.phone().orElse(null),
                    view.version(),
                    view.createdAt());
        }
    }

    record AccountResponse(UUID userId, Role role, AccountStatus status, UUID clinicId, UUID branchId, long version) {

        static AccountResponse of(AccountSnapshot snapshot) {
            AccountStatus status = snapshot.disabled()
                    ? AccountStatus.DISABLED
                    : snapshot.activated() ? AccountStatus.ACTIVE : AccountStatus.PENDING;
            return new AccountResponse(
                    snapshot.userId(),
                    snapshot.role(),
                    status,
                    snapshot.clinicId().orElse(null),
                    snapshot.branchId().orElse(null),
                    snapshot.version());
        }
    }

    private final AccountAdministration accounts;

    UserAdminController(AccountAdministration accounts) {
        this.accounts = accounts;
    }

    @Operation(
            operationId = "inviteUser",
            summary = "Invite a staff member",
            description =
                    "Creates a staff account (administrator, manager, receptionist, doctor or auditor) in the pending state and answers with its one-time activation token, shown only here: deliver it to the invitee out of band. Managers may invite doctors and receptionists of their own clinic only.")
    @PostMapping
    ResponseEntity<CreateUserResponse> create(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody CreateUserRequest body) {
        AccountAdministration.Invitation invitation = accounts.invite(
                actor,
                new AccountAdministration.Invite(
                        body.email(),
                        body.role(),
                        Optional.ofNullable(body.clinicId()),
                        Optional.ofNullable(body.branchId())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + invitation.userId()))
                .eTag(ETags.of(invitation.version()))
                .cacheControl(CacheControl.noStore())
                .body(new CreateUserResponse(
                        invitation.userId(), invitation.activationToken(), invitation.activationExpiresAt()));
    }

    @Operation(
            operationId = "listUsers",
            summary = "List accounts",
            description =
                    "Accounts, optionally filtered by role and status, a page at a time (pass nextCursor as after). Administrators only.")
    @GetMapping
    PageResponse<UserResponse> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<Role> role,
            @RequestParam Optional<AccountStatus> status,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam Optional<String> after) {
        Page<UserAccountView> page =
                accounts.list(actor, new UserAccountQueries.Filter(role, status), new PageRequest(limit, after));
        return PageResponse.of(page, UserResponse::of);
    }

    @Operation(
            operationId = "getUser",
            summary = "Get an account",
            description = "One account with its ETag. Administrators only.")
    @GetMapping("/{userId}")
    ResponseEntity<UserResponse> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID userId) {
        UserAccountView view = accounts.get(actor, userId);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(UserResponse.of(view));
    }

    /** Requires {@code If-Match} with the account's ETag, so two administrators cannot overwrite each other. */
    @Operation(
            operationId = "changeUserRole",
            summary = "Change an account's role",
            description =
                    "Changes the role and its clinic and branch scope. Requires If-Match with the account's ETag, so two administrators cannot overwrite each other. A staff role cannot become a patient's, nor the reverse.")
    @PutMapping("/{userId}/role")
    ResponseEntity<AccountResponse> changeRole(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID userId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChangeRoleRequest body) {
        Optional<Long> expected = ETags.required(ifMatch);
        AccountSnapshot snapshot = accounts.changeRole(
                actor,
                userId,
                body.role(),
                Optional.ofNullable(body.clinicId()),
                Optional.ofNullable(body.branchId()),
                expected);
        return respond(snapshot);
    }

    @Operation(
            operationId = "disableUser",
            summary = "Disable an account",
            description =
                    "The account can no longer sign in and its sessions end. Administrators only; not their own account.")
    @PostMapping("/{userId}/disable")
    ResponseEntity<AccountResponse> disable(@AuthenticationPrincipal Actor actor, @PathVariable UUID userId) {
        return respond(accounts.disable(actor, userId));
    }

    @Operation(
            operationId = "enableUser",
            summary = "Enable an account",
            description = "Lets a disabled account sign in again. Administrators only.")
    @PostMapping("/{userId}/enable")
    ResponseEntity<AccountResponse> enable(@AuthenticationPrincipal Actor actor, @PathVariable UUID userId) {
        return respond(accounts.enable(actor, userId));
    }

    private static ResponseEntity<AccountResponse> respond(AccountSnapshot snapshot) {
        return ResponseEntity.ok().eTag(ETags.of(snapshot.version())).body(AccountResponse.of(snapshot));
    }
}
