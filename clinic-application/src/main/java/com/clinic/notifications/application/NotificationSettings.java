package com.clinic.notifications.application;

import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.DeliveryPolicy;
import com.clinic.notifications.domain.ReminderRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How notifications are sent: the retry policy of every channel, the channels (in fail-over order)
 * of a recipient who chose none, the reminders before an appointment (the default, a clinic's, a
 * clinic's appointment type's), when a hold is warned about, and where links point.
 *
 * @param reminders by scope: {@code default}, a clinic id, or {@code <clinicId>/<appointmentTypeId>};
 *     the most specific one present wins, and an empty list means no reminders there
 */
public record NotificationSettings(
        DeliveryPolicy delivery,
        Map<Category, List<Channel>> defaultChannels,
        Map<String, List<ReminderRule>> reminders,
        Duration holdWarningBefore,
        String publicBaseUrl,
        String defaultLanguage) {

    public static final String DEFAULT_SCOPE = "default";

    public NotificationSettings {
        Objects.requireNonNull(delivery, "delivery");
        defaultChannels = Map.copyOf(defaultChannels);
        reminders = Map.copyOf(reminders);
        Objects.requireNonNull(holdWarningBefore, "holdWarningBefore");
        for (Category category : Category.values()) {
            if (!defaultChannels.containsKey(category)) {
                throw new IllegalArgumentException("no default channels for " + category);
            }
        }
        if (!publicBaseUrl.startsWith("http://") && !publicBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("publicBaseUrl must be an http(s) URL");
        }
        if (!defaultLanguage.equals("ar") && !defaultLanguage.equals("en")) {
            throw new IllegalArgumentException("defaultLanguage must be ar or en");
        }
    }

    /** The reminder rules for an appointment of this type at this clinic. */
    public List<ReminderRule> remindersFor(UUID clinicId, UUID appointmentTypeId) {
        return Optional.ofNullable(reminders.get(clinicId + "/" + appointmentTypeId))
                .or(() -> Optional.ofNullable(reminders.get(clinicId.toString())))
                .or(() -> Optional.ofNullable(reminders.get(DEFAULT_SCOPE)))
                .orElse(List.of());
    }

    public String link(String path) {
        return publicBaseUrl.replaceAll("/+$", "") + path;
    }
}
