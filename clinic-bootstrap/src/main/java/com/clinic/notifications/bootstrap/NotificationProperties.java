package com.clinic.notifications.bootstrap;

import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications are delivered ({@code clinic.notifications.delivery.*}): retries, default
 * channels, reminders before appointments, what counts as urgent, where links point. The providers'
 * own settings are their records ({@code clinic.notifications.push|email|sms.*}).
 *
 * @param delivery retries and the dispatch processor
 * @param defaultChannels per category (appointments, reminders, offers, account, marketing), the
 *     channels in fail-over order for a recipient who chose none
 * @param reminders by scope: "default", a clinic id, or "clinicId/appointmentTypeId"
 *     (the most specific wins; an empty list switches reminders off there)
 * @param holdWarningBefore how long before an unconfirmed hold lapses the patient is warned
 * @param publicBaseUrl the address patients and providers reach this server at: links in messages
 *     and the SMS status callback (the provider signs that exact URL)
 * @param defaultLanguage the language of a recipient who chose none, and the fallback of a missing
 *     translation: ar or en
 */
@Validated
@ConfigurationProperties("clinic.notifications")
record NotificationProperties(
        @DefaultValue @Valid Delivery delivery,
        @DefaultValue({}) Map<Category, List<Channel>> defaultChannels,
        @DefaultValue({}) Map<String, List<@Valid Reminder>> reminders,
        @DefaultValue("2m") Duration holdWarningBefore,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("en") @Pattern(regexp = "ar|en") String defaultLanguage) {

    /**
     * @param maxAttempts calls to one channel before the next one takes over
     * @param baseDelay the wait after the first failure, doubled after each one
     * @param maxDelay the longest wait between two attempts
     * @param dispatchThreads how many messages this instance hands to providers at once (the
     *     dispatch processor's segments)
     */
    record Delivery(
            @DefaultValue("4") @Min(1) @Max(20) int maxAttempts,
            @DefaultValue("10s") Duration baseDelay,
            @DefaultValue("10m") Duration maxDelay,
            @DefaultValue("2") @Min(1) @Max(32) int dispatchThreads) {}

    /**
     * One reminder: either {@code before} (a duration before the start, in real time) or {@code
     * days-before} with {@code at} (that many days before, at that time on the branch's clock).
     *
     * @param before how long before the start
     * @param daysBefore how many days before the start's date
     * @param at the branch's wall-clock time on that day
     * @param channels in fail-over order; empty means the recipient's reminder channels
     */
    record Reminder(
            Duration before, Integer daysBefore, LocalTime at, @DefaultValue({}) @NotNull List<Channel> channels) {}
}
