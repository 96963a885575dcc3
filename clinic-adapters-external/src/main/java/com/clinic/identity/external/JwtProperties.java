package com.clinic.identity.external;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access-token signing: {@code clinic.identity.jwt.keys[n].id / private-key / public-key} (PEM or bare
 * base64 of PKCS#8 and X.509 encodings; Ed25519 or EC P-256) and the {@code active-key-id} that signs
 * new tokens. Keys without a private key only verify: keep a retired key listed until every token
 * it signed has expired. With no keys at all, an ephemeral pair is generated (development only).
 *
 * @param issuer the iss claim of every access token, checked on every request
 * @param accessTokenTtl how long an access token is valid; a refresh token gets the next one
 * @param activeKeyId the id of the key that signs new tokens (must be one of keys, with a private key)
 * @param keys the signing keys by id: id, private-key and public-key (Ed25519 or EC P-256, PEM or
 *     base64 of PKCS#8 / X.509); none: an ephemeral pair, development only
 */
@ConfigurationProperties("clinic.identity.jwt")
public record JwtProperties(
        @DefaultValue("clinic") String issuer,
        @DefaultValue("10m") Duration accessTokenTtl,
        String activeKeyId,
        @DefaultValue List<Key> keys) {

    public record Key(String id, String privateKey, String publicKey) {}
}
