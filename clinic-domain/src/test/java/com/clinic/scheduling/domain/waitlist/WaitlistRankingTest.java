package com.clinic.scheduling.domain.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.scheduling.domain.waitlist.WaitlistRanking.Key;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaitlistRankingTest {

    private static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void urgencyComesBeforeTheTimeOfJoining() {
        Key earlyRoutine = new Key(Urgency.ROUTINE, NINE, UUID.randomUUID());
        Key lateSoon = new Key(Urgency.SOON, TEN, UUID.randomUUID());
        Key lateUrgent = new Key(Urgency.URGENT, TEN, UUID.randomUUID());

        assertThat(WaitlistRanking.rank(List.of(earlyRoutine, lateSoon, lateUrgent), key -> key))
                .containsExactly(lateUrgent, lateSoon, earlyRoutine);
    }

    @Test
    void equallyUrgentPatientsAreServedFirstComeFirstServed() {
        Key second = new Key(Urgency.ROUTINE, TEN, UUID.randomUUID());
        Key first = new Key(Urgency.ROUTINE, NINE, UUID.randomUUID());

        assertThat(WaitlistRanking.rank(List.of(second, first), key -> key)).containsExactly(first, second);
    }

    @Test
    void aTieOnTimeIsBrokenByTheIdInPostgresqlsUnsignedOrder() {
        // Java's UUID.compareTo is signed and would put ffff... first; PostgreSQL puts it last.
        Key high = new Key(Urgency.ROUTINE, NINE, UUID.fromString("ffffffff-0000-4000-8000-000000000000"));
        Key low = new Key(Urgency.ROUTINE, NINE, UUID.fromString("0fffffff-0000-4000-8000-000000000000"));

        assertThat(WaitlistRanking.rank(List.of(high, low), key -> key)).containsExactly(low, high);
        assertThat(WaitlistRanking.compareUnsigned(
                        UUID.fromString("00000000-0000-4000-8000-000000000001"),
                        UUID.fromString("00000000-0000-4000-f000-000000000000")))
                .isNegative();
    }
}
