package com.clinic.directory.persistence;

import com.clinic.directory.application.patient.PersonalDataCodec;
import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientEvent.PatientRegistered;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.crypto.KeyMaterial;
import com.clinic.platform.application.crypto.KeyRing;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.application.crypto.SubjectKeyStore;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Patients as the directory seals them: one key ring for the vault and the column cipher, as configured. */
final class Patients {

    final PersonalDataVault vault;
    final PersonalDataCodec codec;
    final FieldCipher cipher;

    Patients(SubjectKeyStore keys) {
        KeyRing ring = KeyMaterial.ring();
        this.vault = new PersonalDataVault(keys, ring);
        this.codec = new PersonalDataCodec(vault);
        this.cipher = new FieldCipher(ring);
    }

    static PatientPersonalData data(String nameEn, String phone) {
        return new PatientPersonalData(
                "عمر",
                nameEn,
                LocalDate.of(1990, 5, 17),
                Sex.MALE,
                Optional.of("1234567890"),
                Optional.empty(),
                phone,
                Optional.of(nameEn.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org"),
                Optional.of(new PatientPersonalData.EmergencyContact("Huda", "+966500000009")));
    }

    PatientRegistered registered(
            UUID patientId, UUID clinicId, UUID branchId, Optional<UUID> userId, PatientPersonalData data) {
        return new PatientRegistered(
                patientId,
                clinicId,
                branchId,
                userId,
                codec.seal(patientId, data),
                "ar",
                new Consents(true, true, false, true));
    }
}
