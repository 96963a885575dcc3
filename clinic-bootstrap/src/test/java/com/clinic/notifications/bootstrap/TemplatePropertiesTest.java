package com.clinic.notifications.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.TemplateSettings;
import com.clinic.notifications.application.templates.MessageTemplates;
import com.clinic.notifications.domain.Channel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code clinic.notifications.templates.*} become the renderer's settings; a bad value stops the start. */
class TemplatePropertiesTest {

    @TempDir
    Path overrides;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class, TemplateConfiguration.class);

    @Test
    void withNothingSetTheBuiltInTextsAreUsedWithEnglishAsTheLastFallback() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(TemplateSettings.class)).isEqualTo(new TemplateSettings(Optional.empty(), "en"));
            assertThat(started.getBean(MessageTemplates.class).exists("appointment.booked", Channel.EMAIL))
                    .isTrue();
        });
    }

    @Test
    void anOverrideDirectoryAndADefaultLanguageAreBound() {
        context.withPropertyValues(
                        "clinic.notifications.templates.override-directory=" + overrides,
                        "clinic.notifications.templates.default-language=ar")
                .run(started -> assertThat(started.getBean(TemplateSettings.class))
                        .isEqualTo(new TemplateSettings(Optional.of(overrides), "ar")));
    }

    @Test
    void anUnsupportedDefaultLanguageStopsTheStart() {
        context.withPropertyValues("clinic.notifications.templates.default-language=fr")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("default-language")
                        .hasStackTraceContaining("must be ar or en"));
    }

    @Test
    void anOverrideDirectoryThatDoesNotExistStopsTheStart() {
        context.withPropertyValues("clinic.notifications.templates.override-directory=" + overrides.resolve("missing"))
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("override-directory is not a directory"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TemplateProperties.class)
    static class Properties {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
