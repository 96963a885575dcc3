package com.clinic.platform.application.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private final String oldKey = KeyMaterial.randomKey();
    private final String indexKey = KeyMaterial.randomKey();
    private final FieldCipher cipher = new FieldCipher(KeyMaterial.ring(Map.of("k1", oldKey), "k1", indexKey));

    @Test
    void encryptedValuesCarryTheirKeyIdAndNotThePlainText() {
        String stored = cipher.encrypt("+966501234567");

        assertThat(stored).startsWith("k1:").doesNotContain("966501234567");
        assertThat(FieldCipher.keyIdOf(stored)).isEqualTo("k1");
        assertThat(cipher.decrypt(stored)).isEqualTo("+966501234567");
    }

    @Test
    void encryptingTwiceGivesDifferentCiphertexts() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void afterRotationNewValuesUseTheNewKeyAndOldValuesStillDecrypt() {
        String before = cipher.encrypt("1990-05-01");
        FieldCipher rotated =
                new FieldCipher(KeyMaterial.ring(Map.of("k1", oldKey, "k2", KeyMaterial.randomKey()), "k2", indexKey));

        assertThat(rotated.encrypt("x")).startsWith("k2:");
        assertThat(rotated.decrypt(before)).isEqualTo("1990-05-01");
    }

    @Test
    void aValueEncryptedUnderARemovedKeyFailsLoudly() {
        String before = cipher.encrypt("x");
        FieldCipher withoutOldKey =
                new FieldCipher(KeyMaterial.ring(Map.of("k2", KeyMaterial.randomKey()), "k2", indexKey));

        assertThatThrownBy(() -> withoutOldKey.decrypt(before)).hasMessageContaining("Unknown key id 'k1'");
    }

    @Test
    void blindIndexesAreDeterministicForSearchButKeyed() {
        FieldCipher otherIndexKey =
                new FieldCipher(KeyMaterial.ring(Map.of("k1", oldKey), "k1", KeyMaterial.randomKey()));

        assertThat(cipher.blindIndex("+966501234567")).isEqualTo(cipher.blindIndex("+966501234567"));
        assertThat(cipher.blindIndex("+966501234567")).isNotEqualTo(cipher.blindIndex("+966501234568"));
        assertThat(otherIndexKey.blindIndex("+966501234567")).isNotEqualTo(cipher.blindIndex("+966501234567"));
    }

    @Test
    void keysOfTheWrongSizeAreRefusedAtStartup() {
        assertThatThrownBy(() -> new KeyRing(Map.of("k1", "c2hvcnQ="), "k1", indexKey))
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new KeyRing(Map.of("k1", oldKey), "missing", indexKey))
                .hasMessageContaining("active key id");
    }
}
