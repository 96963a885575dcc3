package com.clinic.platform.application.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Fresh random keys, and key rings and vaults made of them, for tests of code that seals personal data. */
public final class KeyMaterial {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {}

    /** A random 256-bit key, base64-encoded as the configuration holds it. */
    public static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public static KeyRing ring(Map<String, String> keys, String active, String blindIndexKey) {
        return new KeyRing(keys, active, blindIndexKey);
    }

    /** One random master key ("k1") and a random blind-index key. */
    public static KeyRing ring() {
        return ring(Map.of("k1", randomKey()), "k1", randomKey());
    }

    /** A vault over the given store (kept by the test to shred or inspect keys) and a random key ring. */
    public static PersonalDataVault vault(SubjectKeyStore store) {
        return new PersonalDataVault(store, ring());
    }

    /** A vault over a store of its own. */
    public static PersonalDataVault vault() {
        return vault(new InMemorySubjectKeyStore());
    }
}
