package com.clinic.identity.external;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The configured key pairs by key id, and which one signs. */
final class SigningKeys {

    private static final Pattern PEM_ARMOUR = Pattern.compile("-----[A-Z ]+-----|\\s");
    private static final String[] ALGORITHMS = {"EdDSA", "EC"};

    private final Map<String, PublicKey> publicKeys;
    private final String activeKeyId;
    private final PrivateKey activeKey;
    private final boolean ephemeral;

    private SigningKeys(
            Map<String, PublicKey> publicKeys, String activeKeyId, PrivateKey activeKey, boolean ephemeral) {
        this.publicKeys = Map.copyOf(publicKeys);
        this.activeKeyId = activeKeyId;
        this.activeKey = activeKey;
        this.ephemeral = ephemeral;
    }

    static SigningKeys from(JwtProperties properties) {
        if (properties.keys().isEmpty()) {
            return ephemeral();
        }
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        PrivateKey active = null;
        for (JwtProperties.Key key : properties.keys()) {
            if (key.id() == null || key.id().isBlank() || key.publicKey() == null) {
                throw new IllegalArgumentException("Every clinic.identity.jwt.keys entry needs an id and a public-key");
            }
            publicKeys.put(key.id(), publicKey(key.id(), key.publicKey()));
            if (key.id().equals(properties.activeKeyId())) {
                if (key.privateKey() == null || key.privateKey().isBlank()) {
                    throw new IllegalArgumentException("The active signing key '" + key.id() + "' has no private-key");
                }
                active = privateKey(key.id(), key.privateKey());
            }
        }
        if (active == null) {
            throw new IllegalArgumentException("clinic.identity.jwt.active-key-id '" + properties.activeKeyId()
                    + "' is not among the configured keys");
        }
        return new SigningKeys(publicKeys, properties.activeKeyId(), active, false);
    }

    static SigningKeys ephemeral() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String keyId = "ephemeral-" + UUID.randomUUID();
            return new SigningKeys(Map.of(keyId, pair.getPublic()), keyId, pair.getPrivate(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    Map<String, PublicKey> publicKeys() {
        return publicKeys;
    }

    Optional<PublicKey> publicKey(String keyId) {
        return Optional.ofNullable(keyId).map(publicKeys::get);
    }

    String activeKeyId() {
        return activeKeyId;
    }

    PrivateKey activeKey() {
        return activeKey;
    }

    boolean isEphemeral() {
        return ephemeral;
    }

    private static PublicKey publicKey(String id, String encoded) {
        byte[] der = decode(id, encoded);
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("Key '" + id + "': public-key is not an Ed25519 or EC X.509 key");
    }

    private static PrivateKey privateKey(String id, String encoded) {
        byte[] der = decode(id, encoded);
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("Key '" + id + "': private-key is not an Ed25519 or EC PKCS#8 key");
    }

    private static byte[] decode(String id, String encoded) {
        try {
            return Base64.getDecoder().decode(PEM_ARMOUR.matcher(encoded).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Key '" + id + "' is neither PEM nor base64", e);
        }
    }
}
