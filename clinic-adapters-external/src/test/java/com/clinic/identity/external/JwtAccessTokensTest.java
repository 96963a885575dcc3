package com.clinic.identity.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.application.port.AccessTokenVerifier.VerifiedToken;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.testsupport.TestClock;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtAccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Actor DOCTOR =
            new Actor(UUID.randomUUID(), Role.DOCTOR, Optional.of(UUID.randomUUID()), Optional.of(UUID.randomUUID()));
    private static final UUID SESSION = UUID.randomUUID();

    @Test
    void aTokenItIssuedVerifiesWithItsClaims() {
        JwtAccessTokens tokens = tokens(List.of(key("k1", ed25519(), true)), "k1", CLOCK);

        String token = tokens.issue(DOCTOR, SESSION, NOW).value();

        assertThat(tokens.verify(token)).contains(new VerifiedToken(DOCTOR, SESSION));
    }

    @Test
    void anAdministratorsTokenHasNoScopeClaims() {
        JwtAccessTokens tokens = tokens(List.of(key("k1", ed25519(), true)), "k1", CLOCK);
        Actor admin = new Actor(UUID.randomUUID(), Role.ADMIN, Optional.empty(), Optional.empty());

        assertThat(tokens.verify(tokens.issue(admin, SESSION, NOW).value()))
                .map(VerifiedToken::actor)
                .contains(admin);
    }

    @Test
    void tokensSignedBeforeARotationStillVerify() {
        KeyPair old = ed25519();
        KeyPair fresh = ed25519();
        String oldToken = tokens(List.of(key("old", old, true)), "old", CLOCK)
                .issue(DOCTOR, SESSION, NOW)
                .value();

        JwtAccessTokens rotated = tokens(List.of(key("old", old, false), key("new", fresh, true)), "new", CLOCK);

        assertThat(rotated.verify(oldToken)).isPresent();
        assertThat(rotated.verify(rotated.issue(DOCTOR, SESSION, NOW).value())).isPresent();
        assertThat(rotated.publicJwks()).extracting(jwk -> jwk.get("kid")).containsExactlyInAnyOrder("old", "new");
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheSameKidIsRefused() {
        JwtAccessTokens genuine = tokens(List.of(key("k1", ed25519(), true)), "k1", CLOCK);
        JwtAccessTokens forger = tokens(List.of(key("k1", ed25519(), true)), "k1", CLOCK);

        assertThat(genuine.verify(forger.issue(DOCTOR, SESSION, NOW).value())).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        List<JwtProperties.Key> keys = List.of(key("k1", ed25519(), true));
        String token = tokens(keys, "k1", CLOCK).issue(DOCTOR, SESSION, NOW).value();
        Clock later = Clock.offset(CLOCK, Duration.ofMinutes(11));

        assertThat(tokens(keys, "k1", later).verify(token)).isEmpty();
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceItExpires() {
        TestClock clock = TestClock.at(NOW);
        JwtAccessTokens tokens = tokens(List.of(key("k1", ed25519(), true)), "k1", clock);
        String token = tokens.issue(DOCTOR, SESSION, NOW).value();
        assertThat(tokens.verify(token)).contains(new VerifiedToken(DOCTOR, SESSION));

        clock.advance(Duration.ofMinutes(10).plusSeconds(29));
        assertThat(tokens.verify(token)).as("within the clock skew").isPresent();

        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        JwtAccessTokens tokens = tokens(List.of(key("k1", ed25519(), true)), "k1", CLOCK);
        String token = tokens.issue(DOCTOR, SESSION, NOW).value();
        assertThat(tokens.verify(token)).isPresent();
        String[] parts = token.split("\\.");
        String otherPayload = tokens.issue(
                        new Actor(DOCTOR.userId(), Role.ADMIN, Optional.empty(), Optional.empty()), SESSION, NOW)
                .value()
                .split("\\.")[1];

        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2]))
                .isEmpty();
        assertThat(tokens.verify(token)).isPresent();
    }

    @Test
    void garbageIsRefused() {
        JwtAccessTokens tokens = tokens(List.of(key("k1", ed25519(), true)), "k1", CLOCK);

        assertThat(tokens.verify("not.a.token")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }

    @Test
    void es256KeysWorkToo() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        JwtAccessTokens tokens = tokens(List.of(key("ec", generator.generateKeyPair(), true)), "ec", CLOCK);

        assertThat(tokens.verify(tokens.issue(DOCTOR, SESSION, NOW).value())).isPresent();
        assertThat(tokens.publicJwks().getFirst()).containsEntry("alg", "ES256").containsEntry("kty", "EC");
    }

    @Test
    void withoutConfiguredKeysAnEphemeralEd25519KeyIsUsed() {
        JwtAccessTokens tokens =
                new JwtAccessTokens(new JwtProperties("clinic", Duration.ofMinutes(10), null, List.of()), CLOCK);

        assertThat(tokens.verify(tokens.issue(DOCTOR, SESSION, NOW).value())).isPresent();
        Map<String, Object> jwk = tokens.publicJwks().getFirst();
        assertThat(jwk)
                .containsEntry("kty", "OKP")
                .containsEntry("crv", "Ed25519")
                .containsEntry("use", "sig");
        assertThat(jwk).doesNotContainKey("d");
    }

    @Test
    void argon2HashesVerifyOnlyTheirPassword() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(
                1, 16, java.time.Duration.ofSeconds(5), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        String hash = hasher.hash("correct horse 1");

        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.matches("correct horse 1", hash)).isTrue();
        assertThat(hasher.matches("correct horse 2", hash)).isFalse();
    }

    private static JwtAccessTokens tokens(List<JwtProperties.Key> keys, String active, Clock clock) {
        return new JwtAccessTokens(new JwtProperties("clinic", Duration.ofMinutes(10), active, keys), clock);
    }

    private static JwtProperties.Key key(String id, KeyPair pair, boolean withPrivate) {
        Base64.Encoder base64 = Base64.getMimeEncoder();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + base64.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String privateKey = withPrivate
                ? Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                : null;
        return new JwtProperties.Key(id, privateKey, publicPem);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
