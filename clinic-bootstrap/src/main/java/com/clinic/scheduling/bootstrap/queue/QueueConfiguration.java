package com.clinic.scheduling.bootstrap.queue;

import com.clinic.scheduling.application.queue.QueueSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The queue's settings; an invalid value stops the application at start-up, not at the first check-in. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    QueueSettings queueSettings(QueueProperties properties) {
        return new QueueSettings(
                properties.grace(),
                properties.plannedConsultation(),
                properties.historySize(),
                properties.historyWindow(),
                properties.admissionHorizon(),
                new QueueSettings.Live(
                        properties.stream().timeout(), properties.stream().refresh(), properties.listenPollTimeout()));
    }
}
