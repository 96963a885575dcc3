package com.clinic.directory.application.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.Sex;
import com.clinic.platform.application.crypto.InMemorySubjectKeyStore;
import com.clinic.platform.application.crypto.KeyMaterial;
import com.clinic.platform.domain.Ciphertext;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonalDataCodecTest {

    private final InMemorySubjectKeyStore keys = new InMemorySubjectKeyStore();
    private final PersonalDataCodec codec = new PersonalDataCodec(KeyMaterial.vault(keys));

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
}
