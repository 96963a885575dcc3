package com.clinic.notifications.bootstrap;

import com.clinic.notifications.application.NotificationSettings;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.DeliveryPolicy;
import com.clinic.notifications.domain.ReminderRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notifications' settings record and its dispatch processor; a bad value stops the start. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /** Push first where the app is installed, then the channels that need no app. */
    private static final Map<Category, List<Channel>> DEFAULT_CHANNELS = Map.of(
            Category.APPOINTMENTS, List.of(Channel.PUSH, Channel.EMAIL, Channel.SMS),
            Category.REMINDERS, List.of(Channel.PUSH, Channel.SMS, Channel.EMAIL),
            Category.OFFERS, List.of(Channel.PUSH, Channel.SMS),
            Category.ACCOUNT, List.of(Channel.EMAIL, Channel.SMS),
            Category.MARKETING, List.of(Channel.EMAIL));

    static final String DISPATCH_GROUP = "notifications-dispatch";

    @Bean
    NotificationSettings notificationSettings(NotificationProperties properties) {
        Map<Category, List<Channel>> channels = new EnumMap<>(DEFAULT_CHANNELS);
        channels.putAll(properties.defaultChannels());
        Map<String, List<ReminderRule>> reminders = new LinkedHashMap<>();
        reminders.put(
                NotificationSettings.DEFAULT_SCOPE,
                List.of(
                        new ReminderRule.Before(java.time.Duration.ofHours(24), channels.get(Category.REMINDERS)),
                        new ReminderRule.Before(java.time.Duration.ofHours(2), channels.get(Category.REMINDERS))));
        properties.reminders().forEach((scope, rules) -> {
            List<ReminderRule> converted = new ArrayList<>();
            for (NotificationProperties.Reminder rule : rules) {
                List<Channel> ruleChannels =
                        rule.channels().isEmpty() ? channels.get(Category.REMINDERS) : rule.channels();
                if (rule.before() != null && rule.daysBefore() == null && rule.at() == null) {
                    converted.add(new ReminderRule.Before(rule.before(), ruleChannels));
                } else if (rule.before() == null && rule.daysBefore() != null && rule.at() != null) {
                    converted.add(new ReminderRule.DaysBeforeAt(rule.daysBefore(), rule.at(), ruleChannels));
                } else {
                    throw new IllegalArgumentException("clinic.notifications.reminders." + scope
                            + ": each reminder has either 'before' or both 'days-before' and 'at'");
                }
            }
            reminders.put(scope, converted);
        });
        NotificationProperties.Delivery delivery = properties.delivery();
        return new NotificationSettings(
                new DeliveryPolicy(delivery.maxAttempts(), delivery.baseDelay(), delivery.maxDelay()),
                channels,
                reminders,
                properties.holdWarningBefore(),
                properties.publicBaseUrl(),
                properties.defaultLanguage());
    }

    /**
     * Errors propagate: a due message is retried, never skipped. Starts from the tail, so nothing
     * due before the processor first ran is lost; one event per batch, because each attempt commits
     * its own steps and a retried batch must not repeat the ones before it.
     */
    @Bean
    ConfigurerModule notificationDispatchProcessing(NotificationProperties properties) {
        int threads = properties.delivery().dispatchThreads();
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        DISPATCH_GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(
                        DISPATCH_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                                .andInitialSegmentsCount(threads)
                                .andBatchSize(1));
    }
}
