package com.clinic.notifications.application.port;

import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: what each user chose: channels per category (in the order they prefer) and quiet hours. */
public interface RecipientPreferences {

    /**
     * @param channels per category, in order of preference; a category left out keeps the default
     * @param quietHours on the user's own clock, when they set any
     */
    record Preferences(Map<Category, List<Channel>> channels, Optional<QuietWindow> quietHours, long version) {
        public Preferences {
            channels = Map.copyOf(channels);
        }
    }

    record QuietWindow(LocalTime from, LocalTime until, ZoneId zone) {}

    Optional<Preferences> find(UUID userId);

    /** Stores them; false when {@code expectedVersion} is given and is no longer the stored one. */
    boolean save(UUID userId, Preferences preferences, Optional<Long> expectedVersion, Instant at);
}
