package com.clinic.identity.rest;

import com.clinic.identity.application.AccountActivation;
import com.clinic.identity.application.AuthenticationFailed;
import com.clinic.identity.application.LoginThrottled;
import com.clinic.identity.application.SessionService;
import com.clinic.identity.application.TokenPair;
import com.clinic.platform.rest.ProblemResponse;
import com.clinic.platform.rest.VerbatimText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, token refresh, sign-out and account activation: the endpoints that need no access token. */
@Tag(name = "identity")
@SecurityRequirements
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    /** {@code deviceToken}: the one the previous sign-in of this login on this device answered with, if any. */
    record LoginRequest(
            @Schema(
                            description =
                                    "An e-mail address or an E.164 phone number (the demo profile's manager here)",
                            example = "manager@alshifa.example")
                    @NotBlank
                    @Size(max = 320)
                    String login,
            @Schema(example = "Shifa-Demo-2026!") @NotBlank @Size(max = 1024) @VerbatimText String password,
            @Schema(description = "The deviceToken this login's previous sign-in on this device answered with, if any")
                    @Size(max = 200)
                    String deviceToken) {}

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {}

    record ResetRequest(
            @Schema(example = "+966550000101", description = "The account's e-mail address or E.164 phone number")
                    @NotBlank
                    @Size(max = 320)
                    String login) {}

    record CompleteResetRequest(
            @Schema(description = "The secret of the reset link") @NotBlank @Size(max = 256) String token,
            @NotBlank @Size(max = 1024) @VerbatimText String password) {}

    record ActivateRequest(
            @NotBlank @Size(max = 256) String token, @NotBlank @Size(max = 1024) @VerbatimText String password) {}

    /** {@code deviceToken} is answered to a password sign-in only (null after a refresh): keep it for the next. */
    record TokenResponse(
            String accessToken, String tokenType, long expiresIn, String refreshToken, String deviceToken) {

        static TokenResponse of(TokenPair tokens) {
            return new TokenResponse(
                    tokens.accessToken(),
                    "Bearer",
                    tokens.expiresIn().toSeconds(),
                    tokens.refreshToken(),
                    tokens.deviceToken().orElse(null));
        }
    }

    private final SessionService sessions;
    private final AccountActivation activation;

    AuthController(SessionService sessions, AccountActivation activation) {
        this.sessions = sessions;
        this.activation = activation;
    }

    /** {@code login} is an e-mail address or an E.164 phone number. */
    @Operation(
            operationId = "login",
            summary = "Sign in",
            description =
                    "Exchanges a login (an e-mail address or an E.164 phone number) and password for an access token (bearer, short-lived) and a refresh token. Send back the deviceToken of this login's previous sign-in on this device, if any: it spares the device the stricter limit on failed attempts. Repeated failures are throttled per login and per client (429 with Retry-After).")
    @ProblemResponse(status = 401, codes = AuthenticationFailed.INVALID_CREDENTIALS)
    @ProblemResponse(status = 429, codes = LoginThrottled.CODE)
    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return noStore(TokenResponse.of(sessions.login(
                body.login(), body.password(), request.getRemoteAddr(), Optional.ofNullable(body.deviceToken()))));
    }

    /** Rotates the refresh token: the presented one is used up, and presenting it again ends the session. */
    @Operation(
            operationId = "refreshTokens",
            summary = "Refresh the tokens",
            description =
                    "Exchanges a refresh token for a new access token and a new refresh token. The presented refresh token is used up; presenting it again ends the whole session (token theft detection).")
    @ProblemResponse(status = 401, codes = AuthenticationFailed.INVALID_REFRESH_TOKEN)
    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest body) {
        return noStore(TokenResponse.of(sessions.refresh(body.refreshToken())));
    }

    @Operation(
            operationId = "logout",
            summary = "Sign out",
            description =
                    "Ends the session the refresh token belongs to. Access tokens already issued stay valid until they expire.")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest body) {
        sessions.logout(body.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /** Sets the first password of an invited account with its one-time activation token. */
    @Operation(
            operationId = "activateAccount",
            summary = "Activate an invited account",
            description =
                    "Sets the first password of a staff account with the one-time activation token the invitation answered with. Then sign in.")
    @PostMapping("/activate")
    ResponseEntity<Void> activate(@Valid @RequestBody ActivateRequest body) {
        activation.activate(body.token(), body.password());
        return ResponseEntity.noContent().build();
    }

    /** Always 202: whether the login belongs to an account is not told to whoever asks. */
    @Operation(
            operationId = "requestPasswordReset",
            summary = "Ask for a password reset link",
            description =
                    "Sends a link to set a new password to the account that signs in with this login (by e-mail or SMS, to that login), when there is one that is active. The answer is 202 either way, so it does not tell which logins exist. The link works once, for 30 minutes by default; asking again replaces it. Requests are limited per login and per client, account or not (429 with Retry-After).")
    @ProblemResponse(status = 429, codes = LoginThrottled.RESETS_CODE)
    @PostMapping("/password-reset")
    ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        activation.requestReset(body.login(), request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @Operation(
            operationId = "completePasswordReset",
            summary = "Set a new password with a reset link",
            description =
                    "Sets the password with the secret of a reset link; every session of the account ends. An unknown, used or expired link is 422 account.reset-token-invalid.")
    @ProblemResponse(
            status = 422,
            codes = {"account.reset-token-invalid", "account.password-too-weak"})
    @PostMapping("/password-reset/complete")
    ResponseEntity<Void> completeReset(@Valid @RequestBody CompleteResetRequest body) {
        activation.reset(body.token(), body.password());
        return ResponseEntity.noContent().build();
    }

    /** Tokens must never be cached by a browser or a proxy (RFC 6749, section 5.1). */
    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
