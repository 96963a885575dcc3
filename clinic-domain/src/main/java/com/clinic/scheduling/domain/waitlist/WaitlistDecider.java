package com.clinic.scheduling.domain.waitlist;

import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.AcceptOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.DeclineOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.ExpireOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.JoinWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Lapse;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Withdraw;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryFulfilled;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryLapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferAccepted;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferDeclined;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferExpired;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferMade;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.PatientJoinedWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Entry;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Fulfilled;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Lapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistState.None;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Offered;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Waiting;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Withdrawn;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The waiting-list entry's rules: one open offer at a time, only the live offer can be accepted or
 * declined, and closed entries stay closed. Whether the slot is really free is not decided here: the
 * offer process holds it through bookings before it makes the offer.
 *
 * <p>An entry that can no longer take an offer (it already holds one, had this slot before, or is
 * closed) ignores {@code MakeOffer} instead of refusing it: the process then releases its hold and
 * moves on to the next patient, without failing the transaction it runs in.
 */
public final class WaitlistDecider implements Decider<WaitlistCommand, WaitlistEvent, WaitlistState> {

    /** A longer window would keep stale wishes on the list; patients can join again. */
    public static final int MAX_WINDOW_DAYS = 180;

    public static final int MAX_TIMES_OF_DAY = 6;

    @Override
    public WaitlistState initialState() {
        return new None();
    }

    @Override
    public List<WaitlistEvent> decide(WaitlistCommand command, WaitlistState state) {
        return switch (command) {
            case JoinWaitlist join -> join(join, state);
            case MakeOffer offer -> offer(offer, state);
            case AcceptOffer accept -> accept(accept, state);
            case DeclineOffer decline -> decline(decline, state);
            case ExpireOffer expire -> expire(expire, state);
            case Withdraw withdraw -> withdraw(withdraw, state);
            case Lapse lapse -> lapse(lapse, state);
        };
    }

    private static List<WaitlistEvent> join(JoinWaitlist join, WaitlistState state) {
        if (!(state instanceof None)) {
            throw new Rejection.Conflict("waitlist.entry-exists");
        }
        WaitlistCriteria criteria = join.criteria();
        if (!join.lapsesAt().isAfter(join.at())) {
            throw new Rejection.RuleViolated("waitlist.window-in-past");
        }
        if (ChronoUnit.DAYS.between(criteria.from(), criteria.to()) >= MAX_WINDOW_DAYS) {
            throw new Rejection.RuleViolated("waitlist.window-too-long", MAX_WINDOW_DAYS);
        }
        if (criteria.timesOfDay().size() > MAX_TIMES_OF_DAY) {
            throw new Rejection.RuleViolated("waitlist.too-many-times-of-day", MAX_TIMES_OF_DAY);
        }
        return List.of(new PatientJoinedWaitlist(
                join.entryId(),
                join.patientId(),
                join.clinicId(),
                criteria,
                join.urgency(),
                join.lapsesAt(),
                join.joinedBy(),
                join.at()));
    }

    private static List<WaitlistEvent> offer(MakeOffer make, WaitlistState state) {
        if (!(state instanceof Waiting waiting)) {
            return List.of();
        }
        Entry entry = waiting.entry();
        WaitlistOffer offer = make.offer();
        if (offer.earlierRecipients().contains(make.entryId()) || !make.at().isBefore(entry.lapsesAt())) {
            return List.of();
        }
        if (!offer.expiresAt().isAfter(make.at())) {
            throw new Rejection.RuleViolated("waitlist.offer-expiry-invalid");
        }
        if (!offer.start().isAfter(make.at())) {
            throw new Rejection.RuleViolated("waitlist.offer-in-past");
        }
        if (!fitsTarget(entry.criteria(), offer)) {
            throw new Rejection.RuleViolated("waitlist.offer-not-matching");
        }
        return List.of(new OfferMade(make.entryId(), entry.patientId(), offer, make.at()));
    }

    /** Where and what; the dates and times of day are the matcher's, which knows the branch's zone. */
    private static boolean fitsTarget(WaitlistCriteria criteria, WaitlistOffer offer) {
        return criteria.branchId().equals(offer.branchId())
                && criteria.appointmentTypeId().equals(offer.appointmentTypeId())
                && criteria.doctorId().map(offer.doctorId()::equals).orElse(true);
    }

    private static List<WaitlistEvent> accept(AcceptOffer accept, WaitlistState state) {
        return switch (state) {
            case Offered offered -> {
                WaitlistOffer offer = requireLive(offered, accept.appointmentId());
                if (!accept.at().isBefore(offer.expiresAt())) {
                    throw new Rejection.Conflict("waitlist.offer-expired");
                }
                yield List.of(
                        new OfferAccepted(
                                accept.entryId(), offered.entry().patientId(), offer, accept.acceptedBy(), accept.at()),
                        new EntryFulfilled(
                                accept.entryId(), offered.entry().patientId(), offer.appointmentId(), accept.at()));
            }
            // Accepting again is a retry of the same answer, not an error.
            case Fulfilled fulfilled
            when accept.appointmentId().map(fulfilled.appointmentId()::equals).orElse(true) -> List.of();
            default -> throw noLiveOffer(state);
        };
    }

    private static List<WaitlistEvent> decline(DeclineOffer decline, WaitlistState state) {
        if (!(state instanceof Offered offered)) {
            throw noLiveOffer(state);
        }
        WaitlistOffer offer = requireLive(offered, decline.appointmentId());
        return List.of(new OfferDeclined(
                decline.entryId(), offered.entry().patientId(), offer, decline.declinedBy(), decline.at()));
    }

    private static List<WaitlistEvent> expire(ExpireOffer expire, WaitlistState state) {
        if (state instanceof Offered offered
                && offered.offer().appointmentId().equals(expire.appointmentId())
                && !expire.at().isBefore(offered.offer().expiresAt())) {
            return List.of(
                    new OfferExpired(expire.entryId(), offered.entry().patientId(), offered.offer(), expire.at()));
        }
        // Accepted, declined or already expired meanwhile: the deadline has nothing left to do.
        return List.of();
    }

    private static List<WaitlistEvent> withdraw(Withdraw withdraw, WaitlistState state) {
        return switch (state) {
            case Waiting waiting ->
                List.of(new EntryWithdrawn(
                        withdraw.entryId(),
                        waiting.entry().patientId(),
                        Optional.empty(),
                        withdraw.withdrawnBy(),
                        withdraw.at()));
            case Offered offered ->
                List.of(new EntryWithdrawn(
                        withdraw.entryId(),
                        offered.entry().patientId(),
                        Optional.of(offered.offer()),
                        withdraw.withdrawnBy(),
                        withdraw.at()));
            case Withdrawn withdrawn -> List.of(); // a repeated withdrawal changes nothing
            default -> throw new Rejection.Conflict("waitlist.entry-closed");
        };
    }

    private static List<WaitlistEvent> lapse(Lapse lapse, WaitlistState state) {
        return switch (state) {
            case Waiting waiting
            when !lapse.at().isBefore(waiting.entry().lapsesAt()) ->
                List.of(new EntryLapsed(lapse.entryId(), waiting.entry().patientId(), Optional.empty(), lapse.at()));
            case Offered offered
            when !lapse.at().isBefore(offered.entry().lapsesAt()) ->
                List.of(new EntryLapsed(
                        lapse.entryId(), offered.entry().patientId(), Optional.of(offered.offer()), lapse.at()));
            default -> List.of();
        };
    }

    private static WaitlistOffer requireLive(Offered offered, Optional<UUID> appointmentId) {
        WaitlistOffer offer = offered.offer();
        if (appointmentId.isPresent() && !appointmentId.get().equals(offer.appointmentId())) {
            throw new Rejection.Conflict("waitlist.offer-not-live");
        }
        return offer;
    }

    private static Rejection noLiveOffer(WaitlistState state) {
        return switch (state) {
            case Waiting waiting -> new Rejection.Conflict("waitlist.no-offer");
            case Fulfilled fulfilled -> new Rejection.Conflict("waitlist.offer-not-live");
            default -> new Rejection.Conflict("waitlist.entry-closed");
        };
    }

    @Override
    public WaitlistState evolve(WaitlistState state, WaitlistEvent event) {
        return switch (event) {
            case PatientJoinedWaitlist joined ->
                new Waiting(new Entry(
                        joined.patientId(),
                        joined.clinicId(),
                        joined.criteria(),
                        joined.urgency(),
                        joined.at(),
                        joined.lapsesAt()));
            case OfferMade made -> new Offered(entryOf(state), made.offer());
            case OfferAccepted accepted -> state; // the EntryFulfilled that always follows closes the entry
            case EntryFulfilled fulfilled -> new Fulfilled(entryOf(state), fulfilled.appointmentId());
            case OfferDeclined declined -> new Waiting(entryOf(state));
            case OfferExpired expired -> new Waiting(entryOf(state));
            case EntryWithdrawn withdrawn -> new Withdrawn(entryOf(state));
            case EntryLapsed lapsed -> new Lapsed(entryOf(state));
        };
    }

    private static Entry entryOf(WaitlistState state) {
        return switch (state) {
            case None none -> throw new IllegalStateException("no entry yet");
            case Waiting s -> s.entry();
            case Offered s -> s.entry();
            case Fulfilled s -> s.entry();
            case Withdrawn s -> s.entry();
            case Lapsed s -> s.entry();
        };
    }
}
