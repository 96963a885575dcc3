package com.clinic.notifications.persistence;

import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_PREFERENCE;

import com.clinic.notifications.application.port.RecipientPreferences;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.persistence.jooq.tables.records.NotificationPreferenceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each user's choices, one row per user whose version counts the saves: a save based on a version
 * that is no longer the stored one changes nothing and says so, so two devices editing at once
 * cannot overwrite each other unseen. Nothing stored is version 0.
 */
@Repository
class JooqRecipientPreferences implements RecipientPreferences {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> CHANNELS = new TypeReference<>() {};
    private static final Set<String> CATEGORIES =
            Arrays.stream(Category.values()).map(Category::name).collect(Collectors.toSet());
    private static final Set<String> KNOWN_CHANNELS =
            Arrays.stream(Channel.values()).map(Channel::name).collect(Collectors.toSet());

    private final DSLContext db;

    JooqRecipientPreferences(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Preferences> find(UUID userId) {
        return db.selectFrom(NOTIFICATION_PREFERENCE)
                .where(NOTIFICATION_PREFERENCE.USER_ID.eq(userId))
                .fetchOptional()
                .map(JooqRecipientPreferences::preferences);
    }

    @Override
    public boolean save(UUID userId, Preferences preferences, Optional<Long> expectedVersion, Instant at) {
        var p = NOTIFICATION_PREFERENCE;
        JSON channels = JSON.json(JSON_MAPPER.writeValueAsString(stored(preferences.channels())));
        Optional<QuietWindow> quiet = preferences.quietHours();
        var insert = db.insertInto(p)
                .set(p.USER_ID, userId)
                .set(p.CHANNELS, channels)
                .set(p.QUIET_FROM, quiet.map(QuietWindow::from).orElse(null))
                .set(p.QUIET_UNTIL, quiet.map(QuietWindow::until).orElse(null))
                .set(p.QUIET_ZONE, quiet.map(QuietWindow::zone).orElse(null))
                .set(p.VERSION, 1L)
                .set(p.UPDATED_AT, at);
        if (expectedVersion.isEmpty()) {
            return insert.onConflict(p.USER_ID)
                            .doUpdate()
                            .set(p.CHANNELS, channels)
                            .set(p.QUIET_FROM, quiet.map(QuietWindow::from).orElse(null))
                            .set(p.QUIET_UNTIL, quiet.map(QuietWindow::until).orElse(null))
                            .set(p.QUIET_ZONE, quiet.map(QuietWindow::zone).orElse(null))
                            .set(p.VERSION, p.VERSION.plus(1))
                            .set(p.UPDATED_AT, at)
                            .execute()
                    == 1;
        }
        if (expectedVersion.get() == 0L) {
            return insert.onConflictDoNothing().execute() == 1;
        }
        return db.update(p)
                        .set(p.CHANNELS, channels)
                        .set(p.QUIET_FROM, quiet.map(QuietWindow::from).orElse(null))
                        .set(p.QUIET_UNTIL, quiet.map(QuietWindow::until).orElse(null))
                        .set(p.QUIET_ZONE, quiet.map(QuietWindow::zone).orElse(null))
                        .set(p.VERSION, p.VERSION.plus(1))
                        .set(p.UPDATED_AT, at)
                        .where(p.USER_ID.eq(userId), p.VERSION.eq(expectedVersion.get()))
                        .execute()
                == 1;
    }

    /** Categories in their declared order, channels in the user's. */
    private static Map<String, List<String>> stored(Map<Category, List<Channel>> channels) {
        Map<String, List<String>> stored = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            List<Channel> chosen = channels.get(category);
            if (chosen != null) {
                stored.put(category.name(), chosen.stream().map(Channel::name).toList());
            }
        }
        return stored;
    }

    private static Preferences preferences(NotificationPreferenceRecord row) {
        Map<Category, List<Channel>> channels = new EnumMap<>(Category.class);
        // A category or channel this build no longer has is skipped: its default applies again.
        JSON_MAPPER.readValue(row.getChannels().data(), CHANNELS).forEach((category, names) -> {
            if (CATEGORIES.contains(category)) {
                List<Channel> chosen = new ArrayList<>();
                names.stream()
                        .filter(KNOWN_CHANNELS::contains)
                        .map(Channel::valueOf)
                        .forEach(chosen::add);
                channels.put(Category.valueOf(category), List.copyOf(chosen));
            }
        });
        Optional<QuietWindow> quiet = row.getQuietZone() == null
                ? Optional.empty()
                : Optional.of(new QuietWindow(row.getQuietFrom(), row.getQuietUntil(), row.getQuietZone()));
        return new Preferences(channels, quiet, row.getVersion());
    }
}
