package com.clinic.platform.application.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * Encrypts single read-model columns with the active configured key, as {@code keyId:base64}; the
 * key id travels with the value so a rotated-out key can still be found. Also derives blind indexes:
 * a keyed hash that allows exact-match search (a phone number, an e-mail) without storing plain text.
 */
public final class FieldCipher {

    private final KeyRing keyRing;

    public FieldCipher(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    public String encrypt(String plaintext) {
        String keyId = keyRing.activeKeyId();
        byte[] sealed = AesGcm.encrypt(keyRing.active(), plaintext.getBytes(StandardCharsets.UTF_8), aad(keyId));
        return keyId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    public String decrypt(String stored) {
        int separator = stored.indexOf(':');
        if (separator < 1) {
            throw new IllegalArgumentException("Not an encrypted field value");
        }
        String keyId = stored.substring(0, separator);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(separator + 1));
        return new String(AesGcm.decrypt(keyRing.byId(keyId), sealed, aad(keyId)), StandardCharsets.UTF_8);
    }

    /** The key id a stored value was encrypted with, for finding values that still need re-encryption. */
    public static String keyIdOf(String stored) {
        return stored.substring(0, Math.max(0, stored.indexOf(':')));
    }

    public String blindIndex(String normalizedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keyRing.blindIndexKey());
            return HexFormat.of().formatHex(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] aad(String keyId) {
        return ("field:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
