package com.clinic.scheduling.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.ClinicApplication;
import com.clinic.scheduling.application.waitlist.WaitlistEntryAggregate;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An open offer across a restart, then on two instances: the offer's expiry is a row in
 * scheduled_tasks, not a timer in memory, so it outlives the application that scheduled it; after
 * the restart it fires exactly once, on one of the two instances, and the slot moves on exactly once.
 * Runs whole application contexts on a database of its own, with real bookings holding the slot.
 */
class WaitlistOfferRestartTest {

    private final TestDatabase.Connection db = SeparateDatabase.create();

    private ConfigurableApplicationContext start(String nodeId) {
        // Arguments, because they outrank application.yml (default properties would not).
        return new SpringApplicationBuilder(ClinicApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--server.port=0",
                        "--clinic.test.node-id=" + nodeId,
                        "--clinic.deadlines.polling-interval=PT0.5S");
    }

    @Test
    void anOpenOfferSurvivesARestartThenExpiresOnceAndMovesOnWithTwoInstancesRunning() {
        WaitlistWorld world;
        UUID firstEntry;
        UUID secondEntry;
        UUID firstHold;
        Instant expiry;
        try (ConfigurableApplicationContext before = start("instance-a")) {
            world = WaitlistWorld.create(before);
            firstEntry = world.joinForDoctor(world.patient("ar"), Urgency.URGENT);
            secondEntry = world.joinForDoctor(world.patient("en"), Urgency.ROUTINE);
            world.awaitStatus(secondEntry, WaitlistEntryStatus.WAITING);
            world.bookAndCancel(world.slotStart());
            expiry = world.awaitStatus(firstEntry, WaitlistEntryStatus.OFFERED)
                    .offer()
                    .orElseThrow()
                    .expiresAt();
            firstHold = world.entry(firstEntry).offer().orElseThrow().appointmentId();
            assertThat(world.offerDeadline(firstHold)).isPresent();
        }

        JdbcTemplate jdbc = new JdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(db.url(), db.user(), db.password()));
        String unfiredAtExpiry = "select count(*) from scheduled_tasks where task_name = 'AxonDeadline' and not picked"
                + " and position(convert_to(?, 'UTF8') in task_data) > 0"
                + " and position(convert_to(?, 'UTF8') in task_data) > 0"
                + " and abs(extract(epoch from execution_time) - ?) < 0.001";
        assertThat(jdbc.queryForObject(
                        unfiredAtExpiry,
                        Integer.class,
                        WaitlistEntryAggregate.OFFER_EXPIRY,
                        firstHold.toString(),
                        expiry.toEpochMilli() / 1000.0))
                .as("the offer's expiry is still a durable, unfired row while no application runs")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        unfiredAtExpiry,
                        Integer.class,
                        "appointment-hold-expiry",
                        firstHold.toString(),
                        expiry.toEpochMilli() / 1000.0))
                .as("so is the expiry of the hold itself, which lasts exactly as long as the offer")
                .isEqualTo(1);

        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try {
            instances.add(start("instance-b"));
            instances.add(start("instance-c"));
            WaitlistWorld after = world.on(instances.getFirst());
            assertThat(after.entry(firstEntry).status()).isEqualTo(WaitlistEntryStatus.OFFERED);

            after.makeOfferDeadlineDue(firstHold);

            UUID secondHold = after.awaitStatus(secondEntry, WaitlistEntryStatus.OFFERED)
                    .offer()
                    .orElseThrow()
                    .appointmentId();
            after.awaitStatus(firstEntry, WaitlistEntryStatus.WAITING);
            await().atMost(Duration.ofSeconds(10)).until(() -> after.events(firstHold, "AppointmentCancelled") == 1);
            assertThat(after.events(firstEntry, "OfferExpired")).isEqualTo(1);
            assertThat(after.events(secondEntry, "OfferMade")).isEqualTo(1);
            assertThat(after.claims())
                    .as("the slot moved on once: only the second patient's hold claims it")
                    .containsExactly(secondHold);
            assertThat(after.awaitAppointment(secondHold, "HELD").waitlistEntryId())
                    .isEqualTo(secondEntry);
            assertThat(after.awaitAppointment(firstHold, "CANCELLED").waitlistEntryId())
                    .isEqualTo(firstEntry);
            assertThat(after.events(firstHold, "AppointmentCancelled"))
                    .as("released once, by whichever instance owns the process's segment")
                    .isEqualTo(1);
            assertThat(after.offerDeadline(firstHold)).isEmpty();
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }
}
