package com.clinic.identity.application.port;

import com.clinic.platform.domain.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Port: signs short-lived access tokens with the active private key. */
public interface AccessTokenIssuer {

    record AccessToken(String value, Instant expiresAt) {}

    AccessToken issue(Actor actor, UUID sessionId, Instant now);

    Duration timeToLive();
}
