package com.clinic.scheduling.persistence.queue;

import com.clinic.scheduling.application.queue.QueueSettings;
import com.clinic.scheduling.application.queue.port.QueueChangeSubscriber;
import java.sql.DriverManager;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The instance's queue change listener. Its connection comes straight from the driver, not from
 * the pool: it stays open for the application's lifetime and must not take a pooled connection away.
 */
@Configuration(proxyBeanMethods = false)
class QueueChangeListenerConfiguration {

    @Bean
    PostgresQueueChangeListener queueChangeListener(
            JdbcConnectionDetails database, ObjectProvider<QueueChangeSubscriber> subscribers, QueueSettings settings) {
        Duration pollTimeout = settings.live().listenPollTimeout();
        return new PostgresQueueChangeListener(
                () -> DriverManager.getConnection(
                        database.getJdbcUrl(), database.getUsername(), database.getPassword()),
                () -> subscribers.orderedStream().toList(),
                pollTimeout,
                "queue-change-listener");
    }
}
