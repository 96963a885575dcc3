package com.clinic.platform.application.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Ciphertext;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonalDataVaultTest {

    private final String masterKey = KeyMaterial.randomKey();
    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    private final PersonalDataVault vault =
            new PersonalDataVault(store, KeyMaterial.ring(Map.of("k1", masterKey), "k1", KeyMaterial.randomKey()));

    @Test
    void sealedDataOpensWithTheSubjectsKeyAndDoesNotContainThePlainText() {
        UUID patient = UUID.randomUUID();

        Ciphertext sealed = vault.seal(patient, "national id 1234567890");

        assertThat(sealed.value()).doesNotContain("1234567890");
        assertThat(vault.open(patient, sealed)).contains("national id 1234567890");
    }

    @Test
    void eachSubjectGetsItsOwnKeySoOneSubjectsCiphertextCannotBeOpenedAsAnothers() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Ciphertext sealed = vault.seal(first, "secret");
        vault.seal(second, "other");

        assertThat(store.find(first).orElseThrow().wrapped())
                .isNotEqualTo(store.find(second).orElseThrow().wrapped());
        assertThatThrownBy(() -> vault.open(second, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shreddingMakesEveryEarlierCiphertextUnreadable() {
        UUID patient = UUID.randomUUID();
        Ciphertext first = vault.seal(patient, "dob 1980-01-02");
        Ciphertext second = vault.seal(patient, "phone +966501234567");

        assertThat(vault.shred(patient)).isTrue();

        assertThat(vault.open(patient, first)).isEmpty();
        assertThat(vault.open(patient, second)).isEmpty();
        assertThat(vault.isShredded(patient)).isTrue();
    }

    @Test
    void anErasedSubjectCannotReceiveNewPersonalData() {
        UUID patient = UUID.randomUUID();
        vault.seal(patient, "x");
        vault.shred(patient);

        assertThatThrownBy(() -> vault.seal(patient, "y")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataSealedUnderAnOldMasterKeyStillOpensAfterRotation() {
        UUID patient = UUID.randomUUID();
        Ciphertext sealed = vault.seal(patient, "before rotation");
        PersonalDataVault rotated = new PersonalDataVault(
                store,
                KeyMaterial.ring(
                        Map.of("k1", masterKey, "k2", KeyMaterial.randomKey()), "k2", KeyMaterial.randomKey()));

        assertThat(rotated.open(patient, sealed)).contains("before rotation");
    }

    @Test
    void tamperedCiphertextIsRejectedRatherThanMisread() {
        UUID patient = UUID.randomUUID();
        // Flip a bit of the decoded bytes: editing a base64 character can change only padding bits,
        // which the decoder ignores, so the "tampered" text would decode to the very same bytes.
        byte[] sealed = Base64.getDecoder().decode(vault.seal(patient, "intact").value());
        sealed[sealed.length - 1] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> vault.open(patient, new Ciphertext(tampered)))
                .isInstanceOf(IllegalStateException.class);
    }
}
