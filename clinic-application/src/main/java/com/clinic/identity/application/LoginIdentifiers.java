package com.clinic.identity.application;

import com.clinic.platform.domain.Rejection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Canonical forms of the identifiers people sign in with, so that " Ann@Example.org " and
 * "ann@example.org" have one blind index: e-mails trimmed and lower-cased, phones in E.164.
 */
final class LoginIdentifiers {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");
    private static final int MAX_EMAIL_LENGTH = 254;

    private LoginIdentifiers() {}

    static String email(String raw) {
        return normalizedEmail(raw).orElseThrow(() -> new Rejection.RuleViolated("account.email-invalid"));
    }

    static String phone(String raw) {
        return normalizedPhone(raw).orElseThrow(() -> new Rejection.RuleViolated("account.phone-invalid"));
    }

    /** Whatever a person typed into the login field, in the form its blind index was made from. */
    static Optional<String> login(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return raw.contains("@") ? normalizedEmail(raw) : normalizedPhone(raw);
    }

    private static Optional<String> normalizedEmail(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches()
                ? Optional.of(email)
                : Optional.empty();
    }

    private static Optional<String> normalizedPhone(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String phone = PHONE_SEPARATORS.matcher(raw.strip()).replaceAll("");
        return E164.matcher(phone).matches() ? Optional.of(phone) : Optional.empty();
    }
}
