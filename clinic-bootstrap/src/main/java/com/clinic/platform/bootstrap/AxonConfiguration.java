package com.clinic.platform.bootstrap;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.application.axon.RequestMetadataInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.SmartInitializingSingleton;
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

    /** No command is decided on a read model that a replay is rebuilding: see {@link AxonProjections}. */
    @Bean
    SmartInitializingSingleton noCommandsDuringReplay(CommandBus commandBus, AxonProjections projections) {
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

    /** Every projection is a pooled streaming processor: parallel by segment, resettable for replays. */
    @Bean
    ConfigurerModule pooledStreamingProjections() {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors();
    }
}
