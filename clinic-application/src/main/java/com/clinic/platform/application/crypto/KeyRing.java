package com.clinic.platform.application.crypto;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configured master keys, by id. New data is always encrypted with the active key; older keys
 * stay for decryption until everything written with them is re-encrypted, which is how keys rotate.
 */
public final class KeyRing {

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecretKey blindIndexKey;

    /**
     * @param base64Keys 256-bit AES keys, base64-encoded, by key id
     * @param activeKeyId the id used for new encryptions
     * @param base64BlindIndexKey the HMAC key for searchable blind indexes (never rotated silently:
     *     rotating it means recomputing every index)
     */
    public KeyRing(Map<String, String> base64Keys, String activeKeyId, String base64BlindIndexKey) {
        Objects.requireNonNull(activeKeyId, "activeKeyId");
        Map<String, SecretKey> decoded = new TreeMap<>();
        base64Keys.forEach((id, value) -> decoded.put(id, aesKey(id, value)));
        if (!decoded.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(
                    "The active key id '" + activeKeyId + "' is not among the configured keys");
        }
        if (activeKeyId.contains(":")) {
            throw new IllegalArgumentException("Key ids must not contain ':'");
        }
        this.keys = Map.copyOf(decoded);
        this.activeKeyId = activeKeyId;
        this.blindIndexKey = new SecretKeySpec(decode("blind-index", base64BlindIndexKey), "HmacSHA256");
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    SecretKey active() {
        return keys.get(activeKeyId);
    }

    SecretKey byId(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(
                    "Unknown key id '" + keyId + "': it was removed from the configuration too early");
        }
        return key;
    }

    SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] raw = decode(id, base64);
        if (raw.length != 32) {
            throw new IllegalArgumentException("Key '" + id + "' must be 256 bits (32 bytes, base64-encoded)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static byte[] decode(String id, String base64) {
        try {
            return Base64.getDecoder().decode(Objects.requireNonNull(base64, id));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Key '" + id + "' is not valid base64", e);
        }
    }
}
