package com.clinic.platform.bootstrap;

import com.clinic.platform.external.AxonDeadLetterQueues;
import com.clinic.platform.external.EventSavepoints;
import com.clinic.platform.external.ProjectionDeadLetterPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dead-letter queue in PostgreSQL (table {@code deadletterentry}, V63) for every projection, so an
 * event a projection fails to apply is kept, with the later events of its aggregate, instead of being
 * logged and skipped (ADR 0016). Processes and the claim ledger keep their own error handling.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ProjectionGroups projectionGroups(ConfigurableListableBeanFactory beans) {
        return ProjectionGroups.scan(beans);
    }

    /** The queues behind projection administration, and their gauges: one per projection group. */
    @Bean
    AxonDeadLetterQueues deadLetterQueues(
            EventProcessingConfiguration processing, ProjectionGroups groups, JdbcTemplate jdbc, MeterRegistry meters) {
        return new AxonDeadLetterQueues(processing, groups.names(), jdbc, meters);
    }

    /**
     * Takes the place of Axon's own module of this type (its JDBC auto-configuration backs off), which
     * would enable queues per {@code axon.eventhandling.processors.<name>.dlq.enabled} property and,
     * registered after this one, replace the queues below: Axon keeps a single queue provider.
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule projectionDeadLetterQueues(
            EventProcessorProperties properties,
            ProjectionGroups groups,
            DataSource dataSource,
            ObjectProvider<ConnectionProvider> connections,
            ObjectProvider<TransactionManager> transactions,
            ObjectProvider<Serializer> genericSerializer,
            @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer,
            ObjectProvider<MeterRegistry> meters) {
        // Not a bean: Axon's Spring Boot support registers every MessageHandlerInterceptor bean with
        // every event processor, the claim ledger in the command's transaction and the processes included.
        EventSavepoints savepoints = new EventSavepoints(dataSource);
        return new DeadLetterQueueProviderConfigurerModule(properties, group -> null) {
            @Override
            public void configureModule(Configurer configurer) {
                EventProcessingConfigurer processing = configurer.eventProcessing();
                processing.registerDeadLetterQueueProvider(group -> groups.contains(group)
                        ? configuration -> queue(
                                group,
                                connections.getObject(),
                                transactions.getObject(),
                                genericSerializer.getObject(),
                                eventSerializer.getObject())
                        : null);
                for (String group : groups.names()) {
                    processing
                            .registerDeadLetterPolicy(
                                    group, configuration -> new ProjectionDeadLetterPolicy(group, meters.getObject()))
                            // A replay starts the projection over: its letters are cleared in the reset's
                            // transaction, and an event that still fails is dead-lettered afresh.
                            // Without the cache, every event would first query the queue for its aggregate.
                            .registerDeadLetteringEventHandlerInvokerConfiguration(
                                    group, (configuration, builder) -> builder.allowReset(true)
                                            .enableSequenceIdentifierCache())
                            // Each projection group is its own processor (checked by AxonWiringTest).
                            .registerHandlerInterceptor(group, configuration -> savepoints);
                }
            }
        };
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(
            String group,
            ConnectionProvider connections,
            TransactionManager transactions,
            Serializer genericSerializer,
            Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(genericSerializer)
                .eventSerializer(eventSerializer)
                .build();
    }
}
