package com.clinic.directory.external;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibPhoneNumbersTest {

    private final LibPhoneNumbers phones = new LibPhoneNumbers();

    @Test
    void acceptsValidInternationalNumbersAndNormalisesThemToE164() {
        assertThat(phones.toE164("+966 50 123 4567")).contains("+966501234567");
        assertThat(phones.toE164("+971501234567")).contains("+971501234567");
        assertThat(phones.toE164("+44 20 7946 0958")).contains("+442079460958");
    }

    @Test
    void rejectsNationalFormatsBecauseTheCountryWouldBeAGuess() {
        assertThat(phones.toE164("0501234567")).isEmpty();
    }

    @Test
    void rejectsNumbersThatNoNumberingPlanAllows() {
        assertThat(phones.toE164("+9661")).isEmpty();
        assertThat(phones.toE164("+12")).isEmpty();
        assertThat(phones.toE164("not a phone")).isEmpty();
        assertThat(phones.toE164(null)).isEmpty();
        assertThat(phones.toE164("+" + "1".repeat(40))).isEmpty();
    }
}
