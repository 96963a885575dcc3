package com.clinic.identity.persistence;

import com.clinic.identity.application.IdentitySettings;
import com.clinic.platform.persistence.PostgresChannelListener;
import java.sql.DriverManager;
import java.time.Duration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The instance's listener for session and account changes, on a connection straight from the driver:
 * it stays open for the application's lifetime and must not take a pooled connection away.
 */
@Configuration(proxyBeanMethods = false)
class SessionAccessListenerConfiguration {

    @Bean
    PostgresChannelListener sessionAccessListener(
            JdbcConnectionDetails database, SessionAccessCache cache, IdentitySettings settings) {
        Duration pollTimeout = settings.sessionCache().listenPollTimeout();
        return new PostgresChannelListener(
                () -> DriverManager.getConnection(
                        database.getJdbcUrl(), database.getUsername(), database.getPassword()),
                SessionAccessCache.CHANNEL,
                cache,
                pollTimeout,
                "session-access-listener");
    }
}
