package com.clinic.notifications.persistence;

import com.clinic.notifications.application.InboxSettings;
import com.clinic.notifications.application.port.InboxChanges;
import java.sql.DriverManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The instance's inbox change listener. Its connection comes straight from the driver, not from the
 * pool: it stays open for the application's lifetime and must not take a pooled connection away.
 */
@Configuration(proxyBeanMethods = false)
class InboxListenerConfiguration {

    @Bean
    PostgresInboxChangeListener inboxChangeListener(
            JdbcConnectionDetails database, ObjectProvider<InboxChanges> subscribers, InboxSettings settings) {
        return new PostgresInboxChangeListener(
                () -> DriverManager.getConnection(
                        database.getJdbcUrl(), database.getUsername(), database.getPassword()),
                () -> subscribers.orderedStream().toList(),
                settings.listenPollTimeout(),
                "inbox-change-listener");
    }
}
