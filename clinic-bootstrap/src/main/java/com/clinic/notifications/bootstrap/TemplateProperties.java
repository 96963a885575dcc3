package com.clinic.notifications.bootstrap;

import com.clinic.notifications.application.TemplateSettings;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code clinic.notifications.templates.*}: where clinics' own notification texts live and the language
 * of last resort. Override files are read when first needed and again once a minute, so an edited file
 * needs no restart.
 *
 * @param overrideDirectory a directory of clinics' own template files, one per clinic, language and
 *     template: clinicId/language/template.properties (UTF-8), each key replacing the built-in one for that
 *     clinic; none: built-in texts only. It must exist when set
 * @param defaultLanguage the language a notice is sent in when neither the recipient's nor the clinic's
 *     language has its text: ar or en
 */
@Validated
@ConfigurationProperties("clinic.notifications.templates")
record TemplateProperties(
        Path overrideDirectory,
        @DefaultValue("en") @Pattern(regexp = "ar|en", message = "must be ar or en") String defaultLanguage) {

    TemplateSettings settings() {
        return new TemplateSettings(Optional.ofNullable(overrideDirectory), defaultLanguage);
    }
}
