package com.clinic.platform.application.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

final class KeyMaterial {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {}

    static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static KeyRing ring(Map<String, String> keys, String active, String blindIndexKey) {
        return new KeyRing(keys, active, blindIndexKey);
    }
}
