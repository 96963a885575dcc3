package com.clinic.platform.bootstrap;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.application.axon.RequestMetadataInterceptor;
import com.clinic.platform.application.projection.port.ProjectionProcessors;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Axon's messaging: routing of record commands, audit metadata on every message, serialization. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean(ClinicCommandTargetResolver.BEAN_NAME)
    CommandTargetResolver clinicCommandTargetResolver() {
        return new ClinicCommandTargetResolver();
    }

    /** Copies who/which-request from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.PROPAGATED.toArray(String[]::new));
    }

    /**
     * Axon's message origin under keys of its own: by default it writes the causing message's id to
     * {@code correlationId}, silently replacing the request's correlation id in the audit trail.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.TRACE_ID);
    }

    @Bean
    SmartInitializingSingleton requestMetadataOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new RequestMetadataInterceptor());
    }

    /** No command is decided on a read model that a replay is rebuilding (ADR 0009). */
    @Bean
    SmartInitializingSingleton noCommandsDuringReplay(CommandBus commandBus, ProjectionProcessors projections) {
        return () -> commandBus.registerDispatchInterceptor(new CommandsPausedDuringReplay(projections));
    }

    /**
     * Replay tokens carry Jackson type information; Jackson 3 denies every polymorphic subtype unless
     * told otherwise, which makes a reset processor loop forever. Axon's own types are allowed.
     */
    @Bean
    Jackson3SerializerCustomizer axonPolymorphicTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("com.clinic.")
                .allowIfSubType("java.util.")
                .build());
    }

    /**
     * Axon's JDBC storage engine exactly as its auto-configuration builds it (which backs off once the
     * application defines its own event store below), on Flyway's lower-case tables.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * The event store, woken after the enclosing Spring transaction commits (see {@link
     * CommitAwareEventStore}). The fetch delay bounds how late events appended by other instances are
     * seen: one indexed query per interval while idle.
     */
    @Bean
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            EventProperties properties) {
        Duration fetchDelay = properties.events().fetchDelay();
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis()));
    }

    /**
     * Every projection runs on a tracking processor, resettable for replays. Measured on two cores
     * (docs/benchmarks.md): pooled streaming processors poll the embedded event store every 500 ms when
     * idle (its stream offers no availability callback), so each write waiting for read-your-writes took
     * about half a second; their default of 16 segments also cost one token-store transaction per
     * segment per event. A tracking processor blocks on the stream and wakes as soon as the store has
     * new events. One segment and batches of events per transaction are the default; deployments with
     * more cores or instances raise {@code clinic.projections.segments}.
     */
    @Bean
    ConfigurerModule trackingProjections(EventProperties properties) {
        int segments = properties.projections().segments();
        int batchSize = properties.projections().batchSize();
        return configurer -> configurer
                .eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(
                        config -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                .andInitialSegmentsCount(segments)
                                .andBatchSize(batchSize));
    }
}
