package com.clinic.scheduling.domain.waitlist;

import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Everything that can be asked of one waiting-list entry. Time arrives in the command ({@code at}). */
public sealed interface WaitlistCommand extends AggregateCommand {

    UUID entryId();

    Instant at();

    @Override
    default String aggregateId() {
        return entryId().toString();
    }

    /**
     * Put a patient on the waiting list. {@code lapsesAt} is the end of the window's last day in the
     * branch's zone, computed by the application, which knows the zone.
     */
    record JoinWaitlist(
            UUID entryId,
            UUID patientId,
            UUID clinicId,
            WaitlistCriteria criteria,
            Urgency urgency,
            Instant lapsesAt,
            UUID joinedBy,
            Instant at)
            implements WaitlistCommand {}

    /** Sent by the offer process once it holds a freed slot for this entry. */
    record MakeOffer(UUID entryId, WaitlistOffer offer, Instant at) implements WaitlistCommand {}

    /** The patient takes the live offer; an empty {@code appointmentId} means "whatever is on offer now". */
    record AcceptOffer(UUID entryId, Optional<UUID> appointmentId, UUID acceptedBy, Instant at)
            implements WaitlistCommand {}

    /** The patient turns the live offer down and keeps waiting. */
    record DeclineOffer(UUID entryId, Optional<UUID> appointmentId, UUID declinedBy, Instant at)
            implements WaitlistCommand {}

    /** Sent by the offer's deadline; harmless when the offer was answered meanwhile. */
    record ExpireOffer(UUID entryId, UUID appointmentId, Instant at) implements WaitlistCommand {}

    /** The patient (or staff for them) leaves the waiting list. */
    record Withdraw(UUID entryId, UUID withdrawnBy, Instant at) implements WaitlistCommand {}

    /** Sent by the window's deadline; harmless when the entry was closed meanwhile. */
    record Lapse(UUID entryId, Instant at) implements WaitlistCommand {}
}
