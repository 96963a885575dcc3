package com.clinic.notifications.bootstrap;

import com.clinic.notifications.application.InboxSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live inbox's settings record; a duration that is not positive stops the start. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    InboxSettings inboxSettings(InboxProperties properties) {
        return new InboxSettings(properties.streamTimeout(), properties.keepAlive(), properties.listenPollTimeout());
    }
}
