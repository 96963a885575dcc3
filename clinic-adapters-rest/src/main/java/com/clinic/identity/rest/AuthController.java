package com.clinic.identity.rest;

import com.clinic.identity.application.AccountActivation;
import com.clinic.identity.application.SessionService;
import com.clinic.identity.application.TokenPair;
import com.clinic.platform.rest.VerbatimText;
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
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    /** {@code deviceToken}: the one the previous sign-in of this login on this device answered with, if any. */
    record LoginRequest(
            @NotBlank @Size(max = 320) String login,
            @NotBlank @Size(max = 1024) @VerbatimText String password,
            @Size(max = 200) String deviceToken) {}

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {}

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
    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return noStore(TokenResponse.of(sessions.login(
                body.login(), body.password(), request.getRemoteAddr(), Optional.ofNullable(body.deviceToken()))));
    }

    /** Rotates the refresh token: the presented one is used up, and presenting it again ends the session. */
    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest body) {
        return noStore(TokenResponse.of(sessions.refresh(body.refreshToken())));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest body) {
        sessions.logout(body.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /** Sets the first password of an invited account with its one-time activation token. */
    @PostMapping("/activate")
    ResponseEntity<Void> activate(@Valid @RequestBody ActivateRequest body) {
        activation.activate(body.token(), body.password());
        return ResponseEntity.noContent().build();
    }

    /** Tokens must never be cached by a browser or a proxy (RFC 6749, section 5.1). */
    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
