package com.clinic.directory.application;

import com.clinic.directory.application.port.PhoneNumbers;
import com.clinic.platform.domain.DisplayText;
import com.clinic.platform.domain.Rejection;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the formats the domain takes for granted (IANA zone, ISO 4217, ISO 639-1, E.164) and
 * reports every bad field at once, so a caller that is not the HTTP adapter (which checks the same
 * with bean validation) still gets a 422 naming the fields, never a 500 from deep inside.
 */
public final class FieldChecks {

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final List<String> invalid = new ArrayList<>();

    /**
     * A one-line text people read (a name, an address): present, in NFC, and free of characters that
     * hide or reorder it ({@link DisplayText}). The HTTP adapter already refuses those in any body;
     * this holds every other entry point to the same rule and also refuses line breaks.
     */
    public String notBlank(String field, String value) {
        if (value == null || value.isBlank() || !DisplayText.isClean(value.strip())) {
            invalid.add(field);
            return value;
        }
        return DisplayText.normalize(value.strip());
    }

    /** Like {@link #notBlank} for a one-line text that may be absent. */
    public Optional<String> optionalLine(String field, Optional<String> value) {
        return value.map(present -> notBlank(field, present));
    }

    /** A multi-line text people read (a biography): may hold line breaks, nothing hidden or reordering. */
    public String text(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!DisplayText.isClean(value, true)) {
            invalid.add(field);
            return value;
        }
        return DisplayText.normalize(value.strip());
    }

    public String timeZone(String field, String value) {
        if (!isTimeZone(value)) {
            invalid.add(field);
        }
        return value;
    }

    public String currency(String field, String value) {
        if (!isCurrency(value)) {
            invalid.add(field);
        }
        return value;
    }

    public String language(String field, String value) {
        if (!isLanguage(value)) {
            invalid.add(field);
        }
        return value;
    }

    public String email(String field, String value) {
        if (value == null || !EMAIL.matcher(value).matches()) {
            invalid.add(field);
            return value;
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** The number in E.164, or the input unchanged (and the field reported) when it is not valid. */
    public String phone(String field, String value, PhoneNumbers phones) {
        if (value == null) {
            invalid.add(field);
            return null;
        }
        return phones.toE164(value).orElseGet(() -> {
            invalid.add(field);
            return value;
        });
    }

    public void require(boolean condition, String field) {
        if (!condition) {
            invalid.add(field);
        }
    }

    /** Throws {@code directory.invalid-fields} (422) listing every field reported so far. */
    public void throwIfInvalid() {
        if (!invalid.isEmpty()) {
            throw new Rejection.RuleViolated("directory.invalid-fields", String.join(", ", invalid));
        }
    }

    public static boolean isTimeZone(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            // Region ids only: fixed offsets like "+03:00" would silently ignore daylight saving.
            return ZoneId.of(value).getId().contains("/") || value.equals("UTC");
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static boolean isCurrency(String value) {
        if (value == null || value.length() != 3) {
            return false;
        }
        try {
            return Currency.getInstance(value).getCurrencyCode().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** ISO 639-1: two lower-case letters that name a language. */
    public static boolean isLanguage(String value) {
        return value != null && value.length() == 2 && ISO_LANGUAGES.contains(value);
    }
}
