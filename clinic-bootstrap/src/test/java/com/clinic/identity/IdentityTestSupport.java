package com.clinic.identity;

import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.Sessions;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for identity's own tests: distinct client addresses and hand-made tokens. */
final class IdentityTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The retired verification-only key of application-test.yml ("test-0"), kept here to sign with. */
    static final String RETIRED_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEILVDmR7hYv4xwh+KjIQ/jWaCtmF+mBcRuucXvn/urprA";

    private IdentityTestSupport() {}

    /**
     * A real clinic and branch of the application behind {@code api}, for staff accounts: scopes are
     * checked against the directory (ADR 0011), so made-up ids are refused.
     */
    static AvailabilityTestData.Site staffSite(Api api) {
        return AvailabilityTestData.newSite(api.as(Sessions.admin(api)), "Asia/Riyadh");
    }

    /** Another client: the same requests from an address of its own, so its failures are its own. */
    static Api fromOwnAddress(Api api) {
        return api.fromNewAddress();
    }

    /** The claims of a token this server issued (no verification: tests only read them). */
    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** A token carrying {@code original}'s claims, signed with {@code key} under {@code kid}, expiring at {@code exp}. */
    static String resign(String original, PrivateKey key, String kid, String issuer, Instant exp) {
        JsonNode claims = claims(original);
        var builder = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer(issuer)
                .subject(claims.path("sub").asString())
                .issuedAt(Date.from(exp.minusSeconds(600)))
                .expiration(Date.from(exp))
                .claim("role", claims.path("role").asString())
                .claim("sid", claims.path("sid").asString());
        for (String optional : new String[] {"clinicId", "branchId"}) {
            if (claims.has(optional)) {
                builder.claim(optional, claims.path(optional).asString());
            }
        }
        return builder.signWith(key).compact();
    }

    static PrivateKey ed25519PrivateKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> login(String login, String password) {
        return Map.of("login", login, "password", password);
    }
}
