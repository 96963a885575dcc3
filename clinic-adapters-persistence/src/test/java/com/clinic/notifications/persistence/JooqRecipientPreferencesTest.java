package com.clinic.notifications.persistence;

import static com.clinic.notifications.domain.Channel.EMAIL;
import static com.clinic.notifications.domain.Channel.IN_APP;
import static com.clinic.notifications.domain.Channel.PUSH;
import static com.clinic.notifications.domain.Channel.SMS;
import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_PREFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.port.RecipientPreferences.Preferences;
import com.clinic.notifications.application.port.RecipientPreferences.QuietWindow;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqRecipientPreferencesTest {

    private static final Instant T0 = Instant.parse("2026-05-10T07:00:00Z");
    private static final QuietWindow NIGHTS =
            new QuietWindow(LocalTime.of(22, 0), LocalTime.of(7, 30), ZoneId.of("Asia/Riyadh"));

    private final DSLContext db;
    private final JooqRecipientPreferences preferences;
    private final UUID user = UUID.randomUUID();

    JooqRecipientPreferencesTest(DSLContext db) {
        this.db = db;
        this.preferences = new JooqRecipientPreferences(db);
    }

    @Test
    void choicesComeBackInTheUsersOrderWithTheirQuietHoursAndTheFirstVersion() {
        Map<Category, List<Channel>> channels = Map.of(
                Category.REMINDERS,
                List.of(SMS, PUSH),
                Category.MARKETING,
                List.of(),
                Category.OFFERS,
                List.of(IN_APP));

        assertThat(preferences.find(user)).isEmpty();
        assertThat(preferences.save(user, new Preferences(channels, Optional.of(NIGHTS), 0), Optional.of(0L), T0))
                .isTrue();

        assertThat(preferences.find(user)).contains(new Preferences(channels, Optional.of(NIGHTS), 1));
        assertThat(preferences.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aSaveBasedOnAStaleVersionChangesNothingAndOneOnTheCurrentVersionMovesItOn() {
        Preferences first = new Preferences(Map.of(Category.REMINDERS, List.of(PUSH)), Optional.empty(), 0);
        Preferences second = new Preferences(Map.of(Category.REMINDERS, List.of(EMAIL)), Optional.of(NIGHTS), 0);
        preferences.save(user, first, Optional.of(0L), T0);

        assertThat(preferences.save(user, second, Optional.of(0L), T0))
                .as("created meanwhile")
                .isFalse();
        assertThat(preferences.save(user, second, Optional.of(7L), T0))
                .as("no such version")
                .isFalse();
        assertThat(preferences.find(user).orElseThrow().channels()).isEqualTo(first.channels());

        assertThat(preferences.save(user, second, Optional.of(1L), T0.plusSeconds(1)))
                .isTrue();
        assertThat(preferences.find(user)).contains(new Preferences(second.channels(), Optional.of(NIGHTS), 2));
        assertThat(preferences.save(user, first, Optional.of(1L), T0.plusSeconds(2)))
                .isFalse();
    }

    @Test
    void aSaveWithoutAVersionCreatesOrReplacesWhateverIsStored() {
        UUID other = UUID.randomUUID();
        Preferences chosen =
                new Preferences(Map.of(Category.APPOINTMENTS, List.of(EMAIL, SMS)), Optional.of(NIGHTS), 0);

        assertThat(preferences.save(other, chosen, Optional.empty(), T0)).isTrue();
        assertThat(preferences.save(other, new Preferences(Map.of(), Optional.empty(), 0), Optional.empty(), T0))
                .isTrue();

        assertThat(preferences.find(other)).contains(new Preferences(Map.of(), Optional.empty(), 2));
    }

    @Test
    void aCategoryOrChannelThisBuildNoLongerKnowsIsSkippedWhenRead() {
        db.insertInto(NOTIFICATION_PREFERENCE)
                .set(NOTIFICATION_PREFERENCE.USER_ID, user)
                .set(
                        NOTIFICATION_PREFERENCE.CHANNELS,
                        JSON.json("{\"REMINDERS\":[\"FAX\",\"SMS\"],\"NEWSLETTER\":[\"EMAIL\"]}"))
                .set(NOTIFICATION_PREFERENCE.VERSION, 3L)
                .set(NOTIFICATION_PREFERENCE.UPDATED_AT, T0)
                .execute();

        assertThat(preferences.find(user))
                .contains(new Preferences(Map.of(Category.REMINDERS, List.of(SMS)), Optional.empty(), 3));
    }
}
