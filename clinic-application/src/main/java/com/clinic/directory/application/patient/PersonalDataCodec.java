package com.clinic.directory.application.patient;

import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.Ciphertext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a patient's personal data as one JSON document with the patient's own key, and opens it
 * again. Uses its own JSON mapper, not the web one, so that the format of sealed data (which lives
 * forever in events) never changes with HTTP settings.
 */
@Component
public final class PersonalDataCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PersonalDataVault vault;

    public PersonalDataCodec(PersonalDataVault vault) {
        this.vault = vault;
    }

    public Ciphertext seal(UUID patientId, PatientPersonalData data) {
        return vault.seal(patientId, JSON.writeValueAsString(data));
    }

    /** Empty once the patient has been erased (their key is gone). */
    public Optional<PatientPersonalData> open(UUID patientId, Ciphertext sealed) {
        return vault.open(patientId, sealed).map(json -> JSON.readValue(json, PatientPersonalData.class));
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }
}
