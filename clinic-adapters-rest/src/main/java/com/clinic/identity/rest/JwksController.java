package com.clinic.identity.rest;

import com.clinic.identity.application.port.AccessTokenVerifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys access tokens are signed with (RFC 7517), for anyone who verifies them. */
@Tag(name = "identity")
@SecurityRequirements
@RestController
class JwksController {

    record JwkSet(List<Map<String, Object>> keys) {}

    private final AccessTokenVerifier verifier;

    JwksController(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(
            operationId = "jwks",
            summary = "Public signing keys (JWKS)",
            description =
                    "The public keys access tokens are signed with (RFC 7517), for services that verify tokens themselves. Cacheable for five minutes.")
    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<JwkSet> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new JwkSet(verifier.publicJwks()));
    }
}
