package com.clinic.scheduling.application.waitlist;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the offer process runs. Failures propagate, so the processor retries the event instead of
 * logging it and moving on (a lost freed slot would never be offered). It starts at the head of the
 * event store: on a first deployment, years of old cancellations must not turn into offers. One event
 * per batch: each offer step commits on its own, so a retried batch must not repeat earlier steps.
 */
@Configuration(proxyBeanMethods = false)
class WaitlistProcessingConfiguration {

    @Bean
    ConfigurerModule waitlistOfferProcessing() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        WaitlistOfferProcess.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(
                        WaitlistOfferProcess.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
