package com.clinic.bench.drills;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forged and damaged bearer tokens, derived from a real access token so that everything but the
 * one broken property looks right: alg=none, a signature from another Ed25519 key, HS256 keyed with
 * the server's public key, expired and not-yet-valid claims, a tampered role, a hostile kid.
 */
final class Jwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final JsonMapper json;
    private final ObjectNode header;
    private final ObjectNode claims;
    private final String realToken;
    private final byte[] serverPublicKey;
    private final KeyPair otherKey;

    Jwts(JsonMapper json, String realToken, byte[] serverPublicKey) {
        this.json = json;
        this.realToken = realToken;
        String[] parts = realToken.split("\\.");
        this.header = (ObjectNode) json.readTree(B64D.decode(parts[0]));
        this.claims = (ObjectNode) json.readTree(B64D.decode(parts[1]));
        this.serverPublicKey = serverPublicKey;
        try {
            this.otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> KINDS = List.of(
            "none",
            "garbage",
            "alg-none",
            "alg-none-upper",
            "other-key",
            "hs256-public-key",
            "expired",
            "not-yet-valid",
            "tampered-role",
            "tampered-sub",
            "truncated",
            "no-signature",
            "kid-traversal",
            "kid-sql",
            "no-kid",
            "jku-header",
            "huge",
            "basic-scheme",
            "lowercase-scheme",
            "no-token",
            "extra-segments",
            "nested-json-claims",
            "unicode-token",
            "refresh-token-as-bearer",
            "wrong-issuer");

    /** The Authorization header value for a kind of bad credential, or null to send none. */
    String authorization(String kind, Random random, String refreshToken) {
        long now = Instant.now().getEpochSecond();
        return switch (kind) {
            case "none" -> null;
            case "garbage" ->
                "Bearer " + Long.toString(random.nextLong(), 36) + "." + Long.toString(random.nextLong(), 36);
            case "alg-none" -> "Bearer " + unsigned(with(header, "alg", "none"), claims) + ".";
            case "alg-none-upper" -> "Bearer " + unsigned(with(header, "alg", "NONE"), claims) + ".";
            case "other-key" -> "Bearer " + signEd25519(header, claims);
            case "hs256-public-key" -> "Bearer " + signHs256(with(header, "alg", "HS256"), claims);
            case "expired" -> "Bearer " + signEd25519(header, with(with(claims, "iat", now - 7200), "exp", now - 3600));
            case "not-yet-valid" ->
                "Bearer "
                        + signEd25519(
                                header,
                                with(with(with(claims, "iat", now + 3600), "nbf", now + 3600), "exp", now + 7200));
            case "tampered-role" -> "Bearer " + resign(realToken, with(claims, "role", "ADMIN"));
            case "tampered-sub" ->
                "Bearer " + resign(realToken, with(claims, "sub", "00000000-0000-0000-0000-000000000000"));
            case "truncated" -> "Bearer " + realToken.substring(0, realToken.length() - 1 - random.nextInt(10));
            case "no-signature" -> "Bearer " + realToken.substring(0, realToken.lastIndexOf('.') + 1);
            case "kid-traversal" -> "Bearer " + signEd25519(with(header, "kid", "../../../../../dev/null"), claims);
            case "kid-sql" -> "Bearer " + signEd25519(with(header, "kid", "x' UNION SELECT 'key"), claims);
            case "no-kid" -> "Bearer " + signEd25519(without(header, "kid"), claims);
            case "jku-header" -> "Bearer " + signEd25519(with(header, "jku", "http://127.0.0.1:1/jwks.json"), claims);
            case "huge" -> "Bearer " + realToken + "A".repeat(6_000);
            case "basic-scheme" ->
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            case "lowercase-scheme" -> "bearer " + realToken.substring(0, realToken.length() - 2) + "xx";
            case "no-token" -> "Bearer ";
            case "extra-segments" -> "Bearer " + realToken + ".AAAA.BBBB";
            case "nested-json-claims" -> "Bearer " + signEd25519(header, nested());
            case "unicode-token" -> "Bearer \u00e9\u00e8\u00ff" + realToken.substring(3);
            case "refresh-token-as-bearer" -> "Bearer " + refreshToken;
            case "wrong-issuer" -> "Bearer " + signEd25519(header, with(claims, "iss", "evil"));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String unsigned(ObjectNode h, ObjectNode c) {
        return B64.encodeToString(json.writeValueAsBytes(h)) + "." + B64.encodeToString(json.writeValueAsBytes(c));
    }

    private String signEd25519(ObjectNode h, ObjectNode c) {
        String input = unsigned(h, c);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(otherKey.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signHs256(ObjectNode h, ObjectNode c) {
        String input = unsigned(h, c);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverPublicKey.length == 0 ? new byte[32] : serverPublicKey, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real header and signature around changed claims: a signature that no longer matches. */
    private String resign(String token, ObjectNode c) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + B64.encodeToString(json.writeValueAsBytes(c)) + "." + parts[2];
    }

    private ObjectNode nested() {
        ObjectNode c = claims.deepCopy();
        ObjectNode inner = c.putObject("role");
        ObjectNode cursor = inner;
        for (int i = 0; i < 200; i++) {
            cursor = cursor.putObject("x");
        }
        c.putArray("sub").add(1).add(2);
        return c;
    }

    private static ObjectNode with(ObjectNode node, String field, String value) {
        ObjectNode copy = node.deepCopy();
        copy.put(field, value);
        return copy;
    }

    private static ObjectNode with(ObjectNode node, String field, long value) {
        ObjectNode copy = node.deepCopy();
        copy.put(field, value);
        return copy;
    }

    private static ObjectNode without(ObjectNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }
}
