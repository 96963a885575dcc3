package com.clinic.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aClockAtAnInstantStandsStillUntilMovedAndCanBeReset() {
        TestClock clock = TestClock.at(NOW);
        assertThat(clock.instant()).isEqualTo(NOW);

        clock.advance(Duration.ofMinutes(10));
        clock.advance(Duration.ofSeconds(31));
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofMinutes(10)).plusSeconds(31));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());

        clock.reset();
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void aClockFollowingAnotherSourceAddsItsOwnAdvanceToThatSourcesTime() {
        AtomicReference<Instant> simulated = new AtomicReference<>(NOW);
        TestClock clock = TestClock.following(simulated::get);

        simulated.set(NOW.plusSeconds(60));
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(60));

        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofHours(1)));
    }

    @Test
    void theSystemClockIsRealTimeUntilMovedAndThenRealTimeThatFarAhead() {
        TestClock clock = TestClock.system();
        Instant before = Instant.now();
        assertThat(clock.instant()).isBetween(before, Instant.now());

        clock.advance(Duration.ofDays(1));
        Instant movedBefore = Instant.now().plus(Duration.ofDays(1));
        assertThat(clock.instant()).isBetween(movedBefore, Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    void aRunningClockStoodStillReadsOneInstantUntilMovedAndRunsAgainOnceReset() {
        AtomicReference<Instant> real = new AtomicReference<>(NOW);
        TestClock clock = TestClock.following(real::get);
        Clock riyadh = clock.withZone(ZoneId.of("Asia/Riyadh"));

        assertThat(clock.standStill()).isEqualTo(NOW);
        real.set(NOW.plusSeconds(5));
        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(riyadh.instant()).isEqualTo(NOW);
        assertThat(clock.standStill())
                .as("stopping again keeps the first reading")
                .isEqualTo(NOW);

        clock.advance(Duration.ofMinutes(15));
        assertThat(riyadh.instant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));

        clock.reset();
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void zoneViewsShareTheAdvanceAndShowTheirOwnLocalTime() {
        TestClock clock = TestClock.at(NOW);
        Clock riyadh = clock.withZone(ZoneId.of("Asia/Riyadh"));

        clock.advance(Duration.ofHours(2));

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(riyadh.instant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(LocalDateTime.now(riyadh)).isEqualTo(LocalDateTime.of(2026, 3, 1, 14, 0));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void timeNeverRunsBackwards() {
        TestClock clock = TestClock.at(NOW);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(NOW);
    }
}
