package com.clinic.scheduling.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.support.IntegrationTest;
import java.time.LocalTime;
import java.util.UUID;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * New schedule capacity reaches the waiting list however the two processors involved interleave: the
 * offer process finds new slots through slot search, whose read model the availability projection
 * keeps, and it waits for that projection to include the event (or retries the event later) instead
 * of searching too early and offering nothing. Over HTTP, on PostgreSQL, with the real processors.
 */
@IntegrationTest
class WaitlistNewCapacityTest {

    @Autowired
    ApplicationContext context;

    @Test
    void anExtraSessionIsOfferedEvenWhenTheOfferProcessGetsItBeforeSlotSearchDoes() {
        // Afternoons only: the patient's mornings have no slot until the extra session adds one.
        WaitlistWorld world = WaitlistWorld.create(context, "14:00", "20:00");
        UUID entry = world.joinForDoctor(world.patient("en"), Urgency.ROUTINE);
        world.awaitStatus(entry, WaitlistEntryStatus.WAITING);
        StreamingEventProcessor availability = world.availabilityProjection();

        availability.shutDown();
        try {
            world.postExtraSession(world.slotDay.atTime(9, 0), world.slotDay.atTime(10, 0));
            // The offer process has the session now and slot search does not: it either searched and
            // moved on (offering nothing, the defect), or is waiting and then gives the event back.
            world.awaitOfferProcessPastOrFailing(world.storeHead());
        } finally {
            availability.start();
        }

        assertThat(world.awaitStatus(entry, WaitlistEntryStatus.OFFERED)
                        .offer()
                        .orElseThrow()
                        .start())
                .isEqualTo(world.at(LocalTime.of(9, 0)));
        assertThat(world.events(entry, "OfferMade")).isEqualTo(1);
    }
}
