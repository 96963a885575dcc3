package com.clinic.notifications.bootstrap;

import com.clinic.notifications.application.TemplateSettings;
import com.clinic.notifications.application.templates.IcuMessageTemplates;
import com.clinic.notifications.application.templates.MessageTemplates;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification texts; a missing override directory stops the start instead of silently using defaults. */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

    @Bean
    TemplateSettings templateSettings(TemplateProperties properties) {
        return properties.settings();
    }

    @Bean
    MessageTemplates messageTemplates(TemplateSettings settings, Clock clock) {
        return new IcuMessageTemplates(settings, clock);
    }
}
