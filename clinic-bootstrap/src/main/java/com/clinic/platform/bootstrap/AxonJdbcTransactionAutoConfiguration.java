package com.clinic.platform.bootstrap;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes Axon use Spring's transaction manager, and so the same database transaction as everything
 * else a command handler writes.
 *
 * <p>Spring Boot 4 moved its DataSource and transaction auto-configurations to new packages. Axon
 * 4.13 still orders itself after the old names, so without this bridge its JDBC and transaction
 * auto-configurations run first and silently fall back to a no-op transaction manager: the event
 * append and a write-side claim would then commit separately. Ordering this class after Boot's and
 * before Axon's fixes the order; the bean makes the intent explicit. {@code AxonWiringTest} guards it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
        })
public class AxonJdbcTransactionAutoConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }
}
