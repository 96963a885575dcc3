package com.clinic.platform.bootstrap;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Master keys (base64 AES-256) by id, the id new data is encrypted with, and the blind-index HMAC key.
 * Rotation: add a new key, make it active, keep the old one until re-encryption has finished.
 *
 * @param keys AES-256 master keys for personal data, base64, by key id (CLINIC_CRYPTO_KEYS_ID; ids
 *     of letters and digits); the built-in dev-1 is for development only
 * @param activeKeyId the key new personal data is sealed with
 * @param blindIndexKey the HMAC key of the blind index that finds patients by phone, e-mail or
 *     national id; set once, never rotated
 */
@ConfigurationProperties("clinic.crypto")
record CryptoProperties(Map<String, String> keys, String activeKeyId, String blindIndexKey) {

    static final String DEVELOPMENT_KEY_ID = "dev-1";

    boolean usesDevelopmentKeys() {
        return DEVELOPMENT_KEY_ID.equals(activeKeyId);
    }
}
