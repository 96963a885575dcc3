package com.clinic.scheduling.application.waitlist;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.AcceptOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.DeclineOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.ExpireOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.JoinWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Lapse;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Withdraw;
import com.clinic.scheduling.domain.waitlist.WaitlistDecider;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent;
import com.clinic.scheduling.domain.waitlist.WaitlistState;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Fulfilled;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Offered;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Event-sourced waiting-list entry; the decider judges every command. Its two timers are durable
 * Axon deadlines (rows in PostgreSQL, fired once on one instance, surviving restarts): the open
 * offer's expiry and the end of the date window. Both are left to fire even when the entry moved on,
 * because the decider ignores a deadline that no longer applies.
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class WaitlistEntryAggregate extends DeciderAggregate<WaitlistCommand, WaitlistEvent, WaitlistState> {

    public static final String OFFER_EXPIRY = "waitlist-offer-expiry";
    public static final String WINDOW_END = "waitlist-window-end";

    private static final WaitlistDecider DECIDER = new WaitlistDecider();

    /** Deadline payload: the offer of this held appointment runs out at {@code dueAt}. */
    public record OfferExpiryDue(UUID appointmentId, Instant dueAt) {}

    /** Deadline payload: the entry's date window is over at {@code dueAt}. */
    public record WindowEnd(Instant dueAt) {}

    protected WaitlistEntryAggregate() {}

    @Override
    protected Decider<WaitlistCommand, WaitlistEvent, WaitlistState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(JoinWaitlist command, DeadlineManager deadlines) {
        decide(command);
        deadlines.schedule(command.lapsesAt(), WINDOW_END, new WindowEnd(command.lapsesAt()));
    }

    /** Returns whether the offer was made; an entry that cannot take it ignores it (see the decider). */
    @CommandHandler
    boolean handle(MakeOffer command, DeadlineManager deadlines) {
        decide(command);
        boolean made = state() instanceof Offered offered
                && offered.offer().appointmentId().equals(command.offer().appointmentId());
        if (made) {
            deadlines.schedule(
                    command.offer().expiresAt(),
                    OFFER_EXPIRY,
                    new OfferExpiryDue(
                            command.offer().appointmentId(), command.offer().expiresAt()));
        }
        return made;
    }

    /** Returns the appointment the patient now has (also when the accept is a retry). */
    @CommandHandler
    UUID handle(AcceptOffer command) {
        decide(command);
        return ((Fulfilled) state()).appointmentId();
    }

    @CommandHandler
    void handle(DeclineOffer command) {
        decide(command);
    }

    @CommandHandler
    void handle(ExpireOffer command) {
        decide(command);
    }

    @CommandHandler
    void handle(Withdraw command) {
        decide(command);
    }

    @CommandHandler
    void handle(Lapse command) {
        decide(command);
    }

    /** The time decided with is the deadline's own due time, so a late-firing timer changes nothing. */
    @DeadlineHandler(deadlineName = OFFER_EXPIRY)
    void on(OfferExpiryDue due) {
        decide(new ExpireOffer(entryId(), due.appointmentId(), due.dueAt()));
    }

    @DeadlineHandler(deadlineName = WINDOW_END)
    void on(WindowEnd due) {
        decide(new Lapse(entryId(), due.dueAt()));
    }

    private UUID entryId() {
        return UUID.fromString(id());
    }
}
