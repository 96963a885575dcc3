package com.clinic.identity.external;

import com.clinic.identity.application.port.AccessTokenIssuer;
import com.clinic.identity.application.port.AccessTokenVerifier;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.Jwks;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Access tokens as JWS signed with an asymmetric key (Ed25519 or ES256): only this service can sign,
 * anyone with the published JWKS can verify. The {@code kid} header picks the verification key, so
 * tokens signed before a rotation stay valid until they expire.
 *
 * <p>A token that verified is remembered, by its exact text, until it expires: an app sends the same
 * token with every request for its whole lifetime, and an Ed25519 verification costs about a
 * millisecond of CPU, which under 1000 concurrent users was a third of the server's CPU
 * (docs/benchmarks.md). Only the signature and claims check is skipped; the expiry is checked against
 * the clock on every use, and whatever the caller checks after verification (session revoked, account
 * disabled) is unaffected. Refused tokens are never remembered, so garbage cannot fill the cache.
 */
@Component
class JwtAccessTokens implements AccessTokenIssuer, AccessTokenVerifier {

    private static final Logger log = LoggerFactory.getLogger(JwtAccessTokens.class);
    private static final long CLOCK_SKEW_SECONDS = 30;
    /** Enough for every token of tens of thousands of active sessions; a few hundred bytes each. */
    private static final long REMEMBERED_TOKENS = 50_000;

    private final SigningKeys keys;
    private final String issuer;
    private final Duration timeToLive;
    private final JwtParser parser;
    private final List<Map<String, Object>> jwks;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    @Autowired
    JwtAccessTokens(JwtProperties properties, Clock clock) {
        this(SigningKeys.from(properties), properties.issuer(), properties.accessTokenTtl(), clock);
    }

    JwtAccessTokens(SigningKeys keys, String issuer, Duration timeToLive, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(REMEMBERED_TOKENS)
                .expireAfterWrite(timeToLive.plusSeconds(CLOCK_SKEW_SECONDS))
                .build();
        if (keys.isEphemeral()) {
            log.warn("No clinic.identity.jwt.keys configured: signing access tokens with an EPHEMERAL key; "
                    + "tokens die with this instance and other instances cannot verify them "
                    + "(production: java -jar clinic.jar keys generate prints keys to set)");
        }
        this.parser = Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(JwsHeader header) {
                        return keys.publicKey(header.getKeyId()).orElse(null);
                    }
                })
                .requireIssuer(issuer)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                .build();
        this.jwks = publishable(keys);
    }

    @Override
    public AccessToken issue(Actor actor, UUID sessionId, Instant now) {
        Instant expiresAt = now.plus(timeToLive);
        var builder = Jwts.builder()
                .header()
                .keyId(keys.activeKeyId())
                .and()
                .issuer(issuer)
                .subject(actor.userId().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .claim("role", actor.role().name())
                .claim("sid", sessionId.toString());
        actor.clinicId().ifPresent(clinicId -> builder.claim("clinicId", clinicId.toString()));
        actor.branchId().ifPresent(branchId -> builder.claim("branchId", branchId.toString()));
        return new AccessToken(builder.signWith(keys.activeKey()).compact(), expiresAt);
    }

    @Override
    public Duration timeToLive() {
        return timeToLive;
    }

    @Override
    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isAfter(known.validUntil())) {
                verified.invalidate(token);
                return Optional.empty();
            }
            return Optional.of(known.token());
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            Actor actor = new Actor(
                    UUID.fromString(claims.getSubject()),
                    Role.valueOf(claims.get("role", String.class)),
                    optionalUuid(claims, "clinicId"),
                    optionalUuid(claims, "branchId"));
            VerifiedToken result = new VerifiedToken(actor, UUID.fromString(claims.get("sid", String.class)));
            // The parser accepted it, so it has an expiry; the same skew applies on later uses.
            Instant validUntil = claims.getExpiration().toInstant().plusSeconds(CLOCK_SKEW_SECONDS);
            verified.put(token, new Verified(result, validUntil));
            return Optional.of(result);
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            // Malformed, forged, expired, foreign or missing claims: all simply "not a valid token".
            return Optional.empty();
        }
    }

    @Override
    public List<Map<String, Object>> publicJwks() {
        return jwks;
    }

    /** A token that verified, and until when its expiry (with the allowed skew) lets it be used. */
    private record Verified(VerifiedToken token, Instant validUntil) {}

    private static Optional<UUID> optionalUuid(Claims claims, String name) {
        return Optional.ofNullable(claims.get(name, String.class)).map(UUID::fromString);
    }

    private static List<Map<String, Object>> publishable(SigningKeys keys) {
        List<Map<String, Object>> published = new ArrayList<>();
        for (Map.Entry<String, PublicKey> entry : keys.publicKeys().entrySet()) {
            Map<String, Object> jwk = new LinkedHashMap<>(
                    Jwks.builder().key(entry.getValue()).id(entry.getKey()).build());
            jwk.put("use", "sig");
            jwk.put("alg", "EC".equals(entry.getValue().getAlgorithm()) ? "ES256" : "EdDSA");
            published.add(Map.copyOf(jwk));
        }
        return List.copyOf(published);
    }
}
