package com.clinic.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a reminder goes out before an appointment, and on which channels (in fail-over order).
 * Either a fixed time before the start ({@code 2h}: two real hours, across a clock change too), or
 * a number of days before on the branch's wall clock at a given time ({@code 1 day before at
 * 18:00}), which is what "the evening before" means to a patient.
 */
public sealed interface ReminderRule {

    String key();

    List<Channel> channels();

    /** The instant it is due for an appointment starting at {@code start} in a branch on {@code zone}. */
    Instant dueFor(Instant start, ZoneId zone);

    record Before(Duration before, List<Channel> channels) implements ReminderRule {
        public Before {
            Objects.requireNonNull(before, "before");
            channels = List.copyOf(channels);
            if (before.isNegative() || before.isZero()) {
                throw new IllegalArgumentException("a reminder comes before the appointment");
            }
        }

        @Override
        public String key() {
            return "before-" + before;
        }

        @Override
        public Instant dueFor(Instant start, ZoneId zone) {
            return start.minus(before);
        }
    }

    record DaysBeforeAt(int days, LocalTime time, List<Channel> channels) implements ReminderRule {
        public DaysBeforeAt {
            Objects.requireNonNull(time, "time");
            channels = List.copyOf(channels);
            if (days < 1) {
                throw new IllegalArgumentException("days before must be at least 1");
            }
        }

        @Override
        public String key() {
            return "days-" + days + "-at-" + time;
        }

        @Override
        public Instant dueFor(Instant start, ZoneId zone) {
            // ofLocal resolves a time inside a daylight-saving gap forward and an overlap to the earlier offset.
            return ZonedDateTime.ofLocal(
                            start.atZone(zone).toLocalDate().minusDays(days).atTime(time), zone, null)
                    .toInstant();
        }
    }

    /**
     * The reminders still worth sending for an appointment booked {@code now}: each rule's due
     * instant, moved out of the recipient's quiet hours when given, kept only when it is still ahead
     * of now and before the start. Reminders whose time has passed are not sent late at booking time.
     */
    static List<PlannedReminder> plan(
            List<ReminderRule> rules, Instant start, ZoneId branchZone, Optional<QuietHours> quietHours, Instant now) {
        return rules.stream()
                .map(rule -> {
                    Instant due = rule.dueFor(start, branchZone);
                    Instant allowed = quietHours.map(q -> q.nextAllowed(due)).orElse(due);
                    return new PlannedReminder(rule, allowed);
                })
                .filter(planned ->
                        planned.dueAt().isAfter(now) && planned.dueAt().isBefore(start))
                .toList();
    }

    record PlannedReminder(ReminderRule rule, Instant dueAt) {}
}
