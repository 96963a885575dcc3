package com.clinic.scheduling.persistence.appointment;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the claim ledger in the command's own transaction, and lets its rejections fail the command. */
@Configuration(proxyBeanMethods = false)
class SlotClaimConfiguration {

    @Bean
    ConfigurerModule slotClaimsGuardTheCommandTransaction() {
        return configurer -> configurer
                .eventProcessing()
                .registerSubscribingEventProcessor(SlotClaimLedger.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        SlotClaimLedger.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
