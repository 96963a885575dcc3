package com.clinic.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** Bundles are found by pattern: no list to extend when a context brings its messages. */
class MessageBundlesTest {

    @Test
    void everyContextsBundleOnTheClasspathIsFound() {
        assertThat(MessageBundles.basenames())
                .contains("messages/platform", "messages/identity", "messages/directory", "messages/audit")
                .doesNotContain("messages/identity_ar")
                .doesNotHaveDuplicates();
    }

    @Test
    void aProblemTitleResolvesInEnglishAndArabicFromAContextsOwnBundle() {
        MessageSource messages = new MessageBundles().messageSource();

        String english = messages.getMessage("problem.auth.too-many-attempts.title", null, Locale.ENGLISH);
        String arabic = messages.getMessage("problem.auth.too-many-attempts.title", null, Locale.forLanguageTag("ar"));

        assertThat(english).isNotBlank();
        assertThat(arabic).isNotBlank().isNotEqualTo(english);
        assertThat(arabic.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                .isTrue();
    }
}
