package com.clinic.notifications.application;

import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.Ciphertext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message's parameters sealed with the recipient's subject key before they enter the event store:
 * names and times of a patient's visits are personal data, and shredding the patient's key makes
 * every message ever sent to them unreadable with the rest of their record.
 */
@Component
public class MessageContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PersonalDataVault vault;

    public MessageContent(PersonalDataVault vault) {
        this.vault = vault;
    }

    public Ciphertext seal(UUID subjectId, Map<String, Value> parameters) {
        Map<String, Map<String, Object>> encoded = new LinkedHashMap<>();
        parameters.forEach((name, value) -> encoded.put(name, encode(value)));
        return vault.seal(subjectId, JSON.writeValueAsString(encoded));
    }

    /** Empty once the subject's key is shredded. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Value>> open(UUID subjectId, Ciphertext sealed) {
        return vault.open(subjectId, sealed).map(json -> {
            Map<String, Map<String, Object>> encoded = JSON.readValue(json, Map.class);
            Map<String, Value> parameters = new LinkedHashMap<>();
            encoded.forEach((name, value) -> parameters.put(name, decode(value)));
            return parameters;
        });
    }

    private static Map<String, Object> encode(Value value) {
        Map<String, Object> encoded = new LinkedHashMap<>();
        switch (value) {
            case Value.Text text -> {
                encoded.put("t", "text");
                encoded.put("v", text.value());
            }
            case Value.Name name -> {
                encoded.put("t", "name");
                encoded.put("ar", name.ar());
                encoded.put("en", name.en());
            }
            case Value.Count count -> {
                encoded.put("t", "count");
                encoded.put("v", count.value());
            }
            case Value.Time time -> {
                encoded.put("t", "time");
                encoded.put("v", time.value().toString());
            }
        }
        return encoded;
    }

    private static Value decode(Map<String, Object> encoded) {
        return switch ((String) encoded.get("t")) {
            case "text" -> new Value.Text((String) encoded.get("v"));
            case "name" -> new Value.Name((String) encoded.get("ar"), (String) encoded.get("en"));
            case "count" -> new Value.Count(((Number) encoded.get("v")).longValue());
            case "time" -> new Value.Time(Instant.parse((String) encoded.get("v")));
            default -> throw new IllegalStateException("unknown parameter type " + encoded.get("t"));
        };
    }
}
