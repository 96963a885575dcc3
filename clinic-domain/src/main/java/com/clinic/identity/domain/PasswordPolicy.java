package com.clinic.identity.domain;

import com.clinic.platform.domain.Rejection;
import java.util.Locale;

/**
 * The password rules: long enough to resist guessing (at least 10 characters), bounded so hashing
 * cannot be abused (at most 128), not made of one character class only, and not the login itself.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /** Rejects (422 {@code account.password-too-weak}) a password that breaks the policy. */
    public static void check(String password, String... logins) {
        if (password == null) {
            throw weak();
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH || password.isBlank()) {
            throw weak();
        }
        boolean letters = password.codePoints().anyMatch(Character::isLetter);
        boolean digits = password.codePoints().anyMatch(Character::isDigit);
        boolean others = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        int classes = (letters ? 1 : 0) + (digits ? 1 : 0) + (others ? 1 : 0);
        if (classes < 2) {
            throw weak();
        }
        String lowered = password.toLowerCase(Locale.ROOT);
        for (String login : logins) {
            if (login != null && !login.isBlank() && lowered.contains(login.toLowerCase(Locale.ROOT))) {
                throw weak();
            }
        }
    }

    private static Rejection weak() {
        return new Rejection.RuleViolated("account.password-too-weak", MIN_LENGTH, MAX_LENGTH);
    }
}
