package com.clinic.identity.application.port;

import com.clinic.platform.domain.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: checks an access token's signature (by its {@code kid}, against every configured public
 * key, so tokens survive a key rotation), expiry and issuer. It knows nothing of sessions: the
 * application checks those.
 */
public interface AccessTokenVerifier {

    record VerifiedToken(Actor actor, UUID sessionId) {}

    /** Empty for any token that is malformed, forged, expired or from another issuer. */
    Optional<VerifiedToken> verify(String token);

    /** The public keys as JSON Web Keys, for {@code /.well-known/jwks.json}. */
    List<Map<String, Object>> publicJwks();
}
