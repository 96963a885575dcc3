package com.clinic.notifications.application;

import com.clinic.notifications.application.port.RecipientPreferences;
import com.clinic.notifications.application.port.RecipientPreferences.Preferences;
import com.clinic.notifications.application.port.RecipientPreferences.QuietWindow;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Service;

/**
 * The caller's own choices: per category the channels in their order of preference (a category left
 * out keeps the default), and quiet hours on their own clock. Account messages (invitations,
 * password resets) cannot be switched off. Choosing channels for marketing is not consent to it:
 * the patient's marketing consent is checked each time such a message is requested.
 */
@Service
public class NotificationPreferences {

    /**
     * What the caller chose, the defaults of what they did not, and the version a change names.
     *
     * @param version 0 while nothing was saved
     */
    public record Choices(
            Map<Category, List<Channel>> channels,
            Optional<QuietWindow> quietHours,
            long version,
            Map<Category, List<Channel>> defaults) {
        public Choices {
            channels = Map.copyOf(channels);
            defaults = Map.copyOf(defaults);
        }
    }

    /** Quiet hours as asked for: the zone is an IANA region id still to be checked. */
    public record QuietHoursRequest(LocalTime from, LocalTime until, String zone) {}

    private final RecipientPreferences preferences;
    private final NotificationSettings settings;
    private final AccessPolicy access;
    private final Clock clock;

    NotificationPreferences(
            RecipientPreferences preferences, NotificationSettings settings, AccessPolicy access, Clock clock) {
        this.preferences = preferences;
        this.settings = settings;
        this.access = access;
        this.clock = clock;
    }

    public Choices read(Actor actor) {
        access.requireRole(actor, NotificationOperation.MANAGE_OWN_PREFERENCES);
        Preferences stored =
                preferences.find(actor.userId()).orElseGet(() -> new Preferences(Map.of(), Optional.empty(), 0));
        return new Choices(stored.channels(), stored.quietHours(), stored.version(), settings.defaultChannels());
    }

    /**
     * Replaces the caller's choices. {@code expectedVersion} is the version they were based on
     * (empty: whatever is stored); a stale one is refused with 412 and changes nothing.
     */
    public Choices replace(
            Actor actor,
            Map<Category, List<Channel>> channels,
            Optional<QuietHoursRequest> quietHours,
            Optional<Long> expectedVersion) {
        access.requireRole(actor, NotificationOperation.MANAGE_OWN_PREFERENCES);
        Map<Category, List<Channel>> chosen = new EnumMap<>(Category.class);
        channels.forEach((category, list) -> {
            if (list != null
                    && (list.stream().anyMatch(Objects::isNull) || new HashSet<>(list).size() != list.size())) {
                throw new Rejection.RuleViolated("notification.channels-invalid", category.name());
            }
            List<Channel> ordered = list == null ? List.of() : List.copyOf(list);
            if (category == Category.ACCOUNT && ordered.isEmpty()) {
                throw new Rejection.RuleViolated("notification.account-always-sent");
            }
            chosen.put(category, ordered);
        });
        Optional<QuietWindow> quiet = quietHours.map(NotificationPreferences::window);
        boolean saved =
                preferences.save(actor.userId(), new Preferences(chosen, quiet, 0), expectedVersion, clock.instant());
        if (!saved) {
            long current =
                    preferences.find(actor.userId()).map(Preferences::version).orElse(0L);
            throw new ConflictingAggregateVersionException(
                    actor.userId().toString(), expectedVersion.orElse(-1L), current);
        }
        return read(actor);
    }

    private static QuietWindow window(QuietHoursRequest request) {
        if (request.from() == null) {
            throw new Rejection.RuleViolated("notification.quiet-hours-invalid", "from");
        }
        if (request.until() == null) {
            throw new Rejection.RuleViolated("notification.quiet-hours-invalid", "until");
        }
        return new QuietWindow(request.from(), request.until(), zone(request.zone()));
    }

    /** Region ids only: a fixed offset such as +03:00 would ignore the recipient's daylight saving. */
    private static ZoneId zone(String id) {
        try {
            ZoneId zone = ZoneId.of(id == null ? "" : id.strip());
            if (zone.getId().contains("/") || zone.getId().equals("UTC")) {
                return zone;
            }
        } catch (DateTimeException invalid) {
            // answered below
        }
        throw new Rejection.RuleViolated("notification.quiet-hours-invalid", "zone");
    }
}
