package com.clinic.directory.application.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.Sex;
import com.clinic.platform.application.crypto.KeyRing;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.application.crypto.SubjectKeyStore;
import com.clinic.platform.domain.Ciphertext;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonalDataCodecTest {

    private final InMemoryKeys keys = new InMemoryKeys();
    private final PersonalDataCodec codec = new PersonalDataCodec(new PersonalDataVault(
            keys,
            new KeyRing(
                    Map.of("k1", Base64.getEncoder().encodeToString(new byte[32])),
                    "k1",
                    Base64.getEncoder().encodeToString(new byte[32]))));

    private static final PatientPersonalData DATA = new PatientPersonalData(
            "فاطمة الزهراني",
            "Fatimah Al-Zahrani",
            LocalDate.of(1988, 4, 12),
            Sex.FEMALE,
            Optional.of("1012345678"),
            Optional.empty(),
            "+966501234567",
            Optional.of("fatimah@example.com"),
            Optional.of(new PatientPersonalData.EmergencyContact("Omar", "+966551234567")));

    @Test
    void aSealedProfileOpensToTheSameDataAndHidesItInTheCiphertext() {
        UUID patient = UUID.randomUUID();
        Ciphertext sealed = codec.seal(patient, DATA);

        assertThat(sealed.value()).doesNotContain("1012345678", "Fatimah", "+966501234567");
        assertThat(codec.open(patient, sealed)).contains(DATA);
    }

    @Test
    void absentOptionalValuesSurviveTheRoundTrip() {
        UUID patient = UUID.randomUUID();
        PatientPersonalData minimal = new PatientPersonalData(
                "علي",
                "Ali",
                LocalDate.of(2001, 1, 1),
                Sex.MALE,
                Optional.empty(),
                Optional.of("P1234567"),
                "+971501234567",
                Optional.empty(),
                Optional.empty());
        assertThat(codec.open(patient, codec.seal(patient, minimal))).contains(minimal);
    }

    @Test
    void onceTheKeyIsShreddedTheProfileCannotBeOpened() {
        UUID patient = UUID.randomUUID();
        Ciphertext sealed = codec.seal(patient, DATA);
        keys.delete(patient);

        assertThat(codec.open(patient, sealed)).isEmpty();
    }

    private static final class InMemoryKeys implements SubjectKeyStore {
        private final Map<UUID, WrappedKey> keys = new HashMap<>();
        private final Set<UUID> shredded = new HashSet<>();

        @Override
        public Optional<WrappedKey> find(UUID subjectId) {
            return Optional.ofNullable(keys.get(subjectId));
        }

        @Override
        public WrappedKey saveIfAbsent(UUID subjectId, WrappedKey key) {
            return keys.computeIfAbsent(subjectId, id -> key);
        }

        @Override
        public boolean delete(UUID subjectId) {
            shredded.add(subjectId);
            return keys.remove(subjectId) != null;
        }

        @Override
        public boolean isShredded(UUID subjectId) {
            return shredded.contains(subjectId);
        }
    }
}
