package com.clinic.platform.rest;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, as an invalid field (400), text that the database cannot keep as sent, in any string of
 * any JSON request body:
 *
 * <ul>
 *   <li>a NUL character: PostgreSQL text cannot hold U+0000, so the event would be stored and every
 *       projection of it would then fail, again and again, holding up its whole segment;
 *   <li>half of a surrogate pair: it has no UTF-8 encoding, so it would be stored as {@code ?}.
 * </ul>
 *
 * <p>Registered on the application's {@code JsonMapper} (request bodies); Axon's serializer has a
 * mapper of its own, so events already stored are read as they are.
 */
@Component
public class StorableTextModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public StorableTextModule() {
        super("clinic-storable-text");
        addDeserializer(String.class, new StorableStringDeserializer());
    }

    /** Whether PostgreSQL can store the text exactly: no NUL, no unpaired surrogate. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !storable(value)) {
                throw context.weirdStringException(value, String.class, "text that cannot be stored");
            }
            return value;
        }
    }
}
