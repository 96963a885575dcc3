package com.clinic.scheduling.application.facts;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the facts processor runs, as the other processes do (ADR 0009, 0010):
 *
 * <ul>
 *   <li>Failures propagate: a listener that throws rolls the event's transaction back and the
 *       processor retries the event (backing off up to a minute) instead of logging it and moving on,
 *       which would lose the fact. A process has no dead-letter queue (those are for projections,
 *       ADR 0016): a skipped fact would break the order listeners rely on. A failing listener therefore
 *       holds up later facts until it succeeds; the processor shows the error meanwhile.
 *   <li>One segment, one event per transaction: facts come in the store's order, and a listener that
 *       fails makes only its own event come again, not the earlier ones of a batch.
 *   <li>It starts at the head of the event store. A new system's store is empty, so that is the
 *       beginning; but deployed onto a store with history, a processor starting at the tail would
 *       announce every booking, cancellation and call ever made again (messages about visits long
 *       past). The price: appointments booked before the first deployment are never announced, so
 *       a listener that plans ahead (reminders) starts with the appointments booked from then on.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SchedulingFactsConfiguration {

    @Bean
    ConfigurerModule schedulingFactsProcessing() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        SchedulingFacts.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(
                        SchedulingFacts.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
