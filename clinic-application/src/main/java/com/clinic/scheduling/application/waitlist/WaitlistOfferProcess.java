package com.clinic.scheduling.application.waitlist;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.Placement;
import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.scheduling.application.availability.AvailabilityReadModel;
import com.clinic.scheduling.application.waitlist.port.OfferHolds;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffRemoved;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.WorkingHoursDefined;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryLapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferDeclined;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferExpired;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * The waiting list's process: reacts to time becoming free and to offers ending, and keeps the
 * cascade going (offer, expire or decline, next patient) until someone accepts or nobody fits.
 *
 * <p>A tracking processor runs it, so with several instances each event is handled
 * on exactly one of them (whoever owns its segment), and its token commits in the same transaction as
 * everything the handler did: a crash before the commit makes the event come again, never half-done.
 * Offer expiry is a durable deadline of the entry aggregate, not state of this process, so a restart
 * loses nothing. The processor starts at the head of the event store and is never replayed: its
 * effects are holds and notifications, not a read model. See {@link WaitlistProcessingConfiguration}.
 * {@code @DisallowReplay} says so to Axon too: the processor does not support a reset, and the projection
 * administration lists it as a process that is paused, never replayed, while projections rebuild.
 *
 * <p>New schedule capacity is found through slot search, which reads the availability projection, a
 * processor of its own that may not have handled the event yet: searching then would find nothing new,
 * and the patient would never be offered that time. So each capacity event first waits, bounded by
 * {@link WaitlistSettings#projectionWait()}, until that projection has handled the event's position;
 * if it has not by then, the handler throws and the processor (its errors propagate) retries the
 * event later instead of passing it.
 */
@Component
@DisallowReplay
@ProcessingGroup(WaitlistOfferProcess.PROCESSING_GROUP)
class WaitlistOfferProcess {

    static final String PROCESSING_GROUP = "scheduling-waitlist-offers";

    /** As far ahead as the longest booking horizon an appointment type may have. */
    private static final Duration CAPACITY_HORIZON = Duration.ofDays(366);

    private static final Duration MAX_UTC_OFFSET = Duration.ofHours(14);

    private final WaitlistOffers offers;
    private final OfferHolds offerHolds;
    private final DirectoryFacts directory;
    private final ReadModelBarrier readModels;
    private final Duration projectionWait;

    WaitlistOfferProcess(
            WaitlistOffers offers,
            OfferHolds offerHolds,
            DirectoryFacts directory,
            ReadModelBarrier readModels,
            WaitlistSettings settings) {
        this.offers = offers;
        this.offerHolds = offerHolds;
        this.directory = directory;
        this.readModels = readModels;
        this.projectionWait = settings.projectionWait();
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        if (event.wasHold() && offerHolds.isOfferHold(event.appointmentId())) {
            return; // one of our own offers released; whoever released it passes the slot on
        }
        offers.offerFreedSlot(event.slot());
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        offers.offerFreedSlot(event.from());
    }

    @EventHandler
    void on(HoldExpired event) {
        if (event.waitlistEntryId().isPresent() && offerHolds.isOfferHold(event.appointmentId())) {
            return; // an offer's hold: the offer's own expiry passes the slot on
        }
        // An ordinary hold, or one held for an offer that was never recorded (its step rolled back
        // and the release failed too): nothing else will pass the slot on.
        offers.offerFreedSlot(event.slot());
    }

    // --- New capacity: the schedule now offers time it did not before. ---

    /** New or changed weekly hours may open time anywhere ahead; look as far as any type may book. */
    @EventHandler
    void on(WorkingHoursDefined event, TrackingToken position) {
        awaitSlotSearch(position);
        offers.matchFreedCapacity(
                event.doctorId(), event.branchId(), event.at(), event.at().plus(CAPACITY_HORIZON));
    }

    @EventHandler
    void on(ExtraSessionAdded event, TrackingToken position) {
        awaitSlotSearch(position);
        matchAround(event.doctorId(), event.branchId(), event.period());
    }

    @EventHandler
    void on(TimeOffRemoved event, TrackingToken position) {
        awaitSlotSearch(position);
        matchAround(event.doctorId(), event.branchId(), event.period());
    }

    /**
     * A branch holiday withdrawn reopens that day for every doctor working at the branch: each active
     * one placed there is matched for the day, in the branch's zone. A doctor without hours that day
     * simply has no slots in it.
     */
    @EventHandler
    void on(HolidayCancelled event, TrackingToken position) {
        awaitSlotSearch(position);
        Optional<BranchFacts> branch = directory.branch(event.branchId());
        if (branch.isEmpty()) {
            return;
        }
        ZoneId zone = branch.get().zone();
        Instant from = event.date().atStartOfDay(zone).toInstant();
        Instant to = event.date().plusDays(1).atStartOfDay(zone).toInstant();
        for (Placement placement : directory.placements(
                branch.get().clinicId(), Optional.empty(), Optional.of(event.branchId()), Optional.empty())) {
            offers.matchFreedCapacity(placement.doctorId(), event.branchId(), from, to);
        }
    }

    /**
     * Holds the event until slot search includes it (see the class comment). Thrown, the event comes
     * again after the processor's back-off, with the process's token where it was.
     */
    private void awaitSlotSearch(TrackingToken position) {
        if (!readModels.awaitHandled(AvailabilityReadModel.PROJECTION, position, projectionWait)) {
            throw new SlotSearchBehind(position, projectionWait);
        }
    }

    /** The availability projection has not handled a capacity event within the wait: retry it later. */
    static final class SlotSearchBehind extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        SlotSearchBehind(TrackingToken position, Duration waited) {
            super("The availability projection has not handled the event at " + position + " after " + waited
                    + "; the offer process retries it later");
        }
    }

    /**
     * The period is in branch-local time; widening it by the largest UTC offset on each side covers it
     * in any zone without a directory lookup. Slots outside the real period simply aren't free.
     */
    private void matchAround(UUID doctorId, UUID branchId, LocalPeriod period) {
        offers.matchFreedCapacity(
                doctorId,
                branchId,
                period.start().toInstant(ZoneOffset.UTC).minus(MAX_UTC_OFFSET),
                period.end().toInstant(ZoneOffset.UTC).plus(MAX_UTC_OFFSET));
    }

    @EventHandler
    void on(OfferDeclined event) {
        offers.passOn(event.entryId(), event.offer());
    }

    @EventHandler
    void on(OfferExpired event) {
        offers.noticeExpiry(event.entryId(), event.patientId(), event.offer());
        offers.passOn(event.entryId(), event.offer());
    }

    @EventHandler
    void on(EntryWithdrawn event) {
        event.openOffer().ifPresent(offer -> offers.passOn(event.entryId(), offer));
    }

    @EventHandler
    void on(EntryLapsed event) {
        event.openOffer().ifPresent(offer -> offers.passOn(event.entryId(), offer));
    }
}
