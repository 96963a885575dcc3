package com.clinic.platform.rest;

import com.clinic.platform.domain.DisplayText;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, as an invalid field (400), text that the database cannot keep as sent, in any string of
 * any JSON request body:
 *
 * <ul>
 *   <li>a NUL character: PostgreSQL text cannot hold U+0000, so the event would be stored and every
 *       projection of it would then fail, again and again, holding up its whole segment;
 *   <li>half of a surrogate pair: it has no UTF-8 encoding, so it would be stored as {@code ?};
 *   <li>a character that reorders or hides the text around it ({@link DisplayText}): everything a
 *       client sends may be shown to someone else (a name on a receptionist's list, a note in a
 *       report), where a right-to-left override or a zero-width space would mislead them.
 * </ul>
 *
 * <p>Text that passes is kept in Unicode NFC, so that the same name typed on two devices is the
 * same string. Fields marked {@link VerbatimText} (passwords) are only held to the storage rules.
 *
 * <p>Registered on the application's {@code JsonMapper} (request bodies); Axon's serializer has a
 * mapper of its own, so events already stored are read as they are.
 */
@Component
public class StorableTextModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public StorableTextModule() {
        super("clinic-storable-text");
        addDeserializer(String.class, new StorableStringDeserializer(false));
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

        private final boolean verbatim;

        StorableStringDeserializer(boolean verbatim) {
            this.verbatim = verbatim;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean marked = property != null && property.getAnnotation(VerbatimText.class) != null;
            return marked == verbatim ? this : new StorableStringDeserializer(marked);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            if (!storable(value)) {
                throw context.weirdStringException(value, String.class, "text that cannot be stored");
            }
            if (verbatim) {
                return value;
            }
            if (!DisplayText.isClean(value, true)) {
                throw context.weirdStringException(value, String.class, "text with invisible or reordering characters");
            }
            return DisplayText.normalize(value);
        }
    }
}
