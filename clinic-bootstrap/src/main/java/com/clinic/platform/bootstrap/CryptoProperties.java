package com.clinic.platform.bootstrap;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Master keys (base64 AES-256) by id, the id new data is encrypted with, and the blind-index HMAC key.
 * Rotation: add a new key, make it active, keep the old one until re-encryption has finished.
 */
@ConfigurationProperties("clinic.crypto")
record CryptoProperties(Map<String, String> keys, String activeKeyId, String blindIndexKey) {

    static final String DEVELOPMENT_KEY_ID = "dev-1";

    boolean usesDevelopmentKeys() {
        return DEVELOPMENT_KEY_ID.equals(activeKeyId);
    }
}
