package com.clinic.notifications.application;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The notification templates' settings ({@code clinic.notifications.templates.*}).
 *
 * @param overrideDirectory where clinics' own template files live: {@code <clinicId>/<language>/<template>.properties}
 *     overrides the built-in file of the same name for that clinic, key by key; none: built-in texts only
 * @param defaultLanguage the last fallback, after the recipient's language and the clinic's: a language
 *     the built-in templates have ({@code ar} or {@code en})
 */
public record TemplateSettings(Optional<Path> overrideDirectory, String defaultLanguage) {

    private static final Pattern BUILT_IN_LANGUAGE = Pattern.compile("ar|en");

    public TemplateSettings {
        Objects.requireNonNull(overrideDirectory, "overrideDirectory");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        if (!BUILT_IN_LANGUAGE.matcher(defaultLanguage).matches()) {
            // The last fallback must be a language every built-in template has, or a notice could end
            // up with no text at all.
            throw new IllegalArgumentException(
                    "clinic.notifications.templates.default-language must be ar or en, not " + defaultLanguage);
        }
    }
}
