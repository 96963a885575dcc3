package com.clinic.identity.rest;

import com.clinic.identity.application.AccountActivation;
import com.clinic.identity.application.SessionService;
import com.clinic.identity.domain.AccountStatus;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.platform.rest.VerbatimText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account. */
@Tag(name = "identity")
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    record MeResponse(UUID userId, Role role, UUID clinicId, UUID branchId, AccountStatus status) {}

    record ChangePasswordRequest(
            @NotBlank @Size(max = 1024) @VerbatimText String currentPassword,
            @NotBlank @Size(max = 1024) @VerbatimText String newPassword) {}

    private final SessionService sessions;
    private final AccountActivation passwords;

    MeController(SessionService sessions, AccountActivation passwords) {
        this.sessions = sessions;
        this.passwords = passwords;
    }

    @Operation(
            operationId = "me",
            summary = "The signed-in user",
            description =
                    "Who the access token belongs to: user id, role, the clinic and branch the role is scoped to, and the account's status.")
    @GetMapping
    MeResponse me(@AuthenticationPrincipal Actor actor) {
        SessionService.Me me = sessions.me(actor);
        return new MeResponse(
                me.userId(),
                me.role(),
                me.clinicId().orElse(null),
                me.branchId().orElse(null),
                me.status());
    }

    /** Changing the password ends every session of the account; sign in again with the new one. */
    @Operation(
            operationId = "changePassword",
            summary = "Change my password",
            description =
                    "Changes the caller's password, given the current one. Every session of the account ends: sign in again with the new password.")
    @PutMapping("/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody ChangePasswordRequest body) {
        passwords.changePassword(actor, body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
