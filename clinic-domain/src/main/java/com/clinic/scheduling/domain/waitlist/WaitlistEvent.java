package com.clinic.scheduling.domain.waitlist;

import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What happened to a waiting-list entry. Events carry ids only; personal data lives in the directory. */
public sealed interface WaitlistEvent extends DomainEvent {

    UUID entryId();

    UUID patientId();

    Instant at();

    @Override
    default String aggregateId() {
        return entryId().toString();
    }

    /** The patient is waiting from {@code at}, which is the FIFO ranking key after urgency. */
    record PatientJoinedWaitlist(
            UUID entryId,
            UUID patientId,
            UUID clinicId,
            WaitlistCriteria criteria,
            Urgency urgency,
            Instant lapsesAt,
            UUID joinedBy,
            Instant at)
            implements WaitlistEvent {}

    /** A freed slot is held for the patient until {@code offer.expiresAt()}. */
    record OfferMade(UUID entryId, UUID patientId, WaitlistOffer offer, Instant at) implements WaitlistEvent {}

    record OfferAccepted(UUID entryId, UUID patientId, WaitlistOffer offer, UUID acceptedBy, Instant at)
            implements WaitlistEvent {}

    /** The patient got an appointment through the waiting list; the entry is closed. */
    record EntryFulfilled(UUID entryId, UUID patientId, UUID appointmentId, Instant at) implements WaitlistEvent {}

    /** The patient keeps waiting; the held slot is to be released and passed on. */
    record OfferDeclined(UUID entryId, UUID patientId, WaitlistOffer offer, UUID declinedBy, Instant at)
            implements WaitlistEvent {}

    /** Nobody answered in time; the patient keeps waiting and the slot is to be passed on. */
    record OfferExpired(UUID entryId, UUID patientId, WaitlistOffer offer, Instant at) implements WaitlistEvent {}

    /** The entry is closed; an offer that was open is to be released and passed on. */
    record EntryWithdrawn(UUID entryId, UUID patientId, Optional<WaitlistOffer> openOffer, UUID withdrawnBy, Instant at)
            implements WaitlistEvent {}

    /** The window has passed; the entry is closed, and an offer still open is to be released. */
    record EntryLapsed(UUID entryId, UUID patientId, Optional<WaitlistOffer> openOffer, Instant at)
            implements WaitlistEvent {}
}
