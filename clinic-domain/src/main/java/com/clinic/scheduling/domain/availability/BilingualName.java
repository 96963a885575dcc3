package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;

/** A name shown to people in Arabic and in English (an appointment type, a holiday); both are required. */
public record BilingualName(String ar, String en) {

    public static final int MAX_LENGTH = 200;

    public BilingualName {
        ar = valid(ar);
        en = valid(en);
    }

    private static String valid(String text) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_LENGTH) {
            throw new Rejection.RuleViolated("scheduling.name-invalid", MAX_LENGTH);
        }
        return text.strip();
    }
}
