package com.clinic.scheduling.application.waitlist;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.platform.application.axon.Commands;
import com.clinic.scheduling.WaitlistOfferChanged;
import com.clinic.scheduling.application.appointment.WaitlistBooking;
import com.clinic.scheduling.application.availability.SlotQuery;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.application.waitlist.port.OfferHolds;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel.Candidate;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel.CandidateQuery;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.availability.Slot;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistMatcher;
import com.clinic.scheduling.domain.waitlist.WaitlistMatcher.FreedSlot;
import com.clinic.scheduling.domain.waitlist.WaitlistOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistRanking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Offers freed time to the waiting list: finds the best-ranked matching waiting patients, holds a
 * slot for one through bookings (a step of its own), then records the offer on the entry (which
 * schedules its durable expiry) and tells the patient in-app, in the caller's transaction.
 *
 * <p>Nothing here throws for the ordinary races of several instances: a slot someone else won, or an
 * entry that meanwhile got another offer, just moves on to the next candidate. A real failure rolls
 * the whole step back, releases the holds it made, and the event processor that called it retries it.
 */
@Service
public class WaitlistOffers {

    /** Holds and releases the process makes on its own are attributed to this (non-existent) user. */
    public static final UUID SYSTEM_USER = new UUID(0L, 0L);

    /** How many ranked candidates one freed slot is tried with, at most. */
    static final int MAX_CANDIDATES = 100;

    private static final Logger log = LoggerFactory.getLogger(WaitlistOffers.class);

    private final WaitlistReadModel entries;
    private final DirectoryFacts directory;
    private final WaitlistBooking booking;
    private final SlotSearch slots;
    private final OfferHolds offerHolds;
    private final ApplicationEventPublisher events;
    private final Commands commands;
    private final Clock clock;
    private final Duration offerTtl;

    public WaitlistOffers(
            WaitlistReadModel entries,
            DirectoryFacts directory,
            WaitlistBooking booking,
            SlotSearch slots,
            OfferHolds offerHolds,
            ApplicationEventPublisher events,
            Commands commands,
            Clock clock,
            WaitlistSettings settings) {
        this.entries = entries;
        this.directory = directory;
        this.booking = booking;
        this.slots = slots;
        this.offerHolds = offerHolds;
        this.events = events;
        this.commands = commands;
        this.clock = clock;
        this.offerTtl = settings.offerTtl();
    }

    public Duration offerTtl() {
        return offerTtl;
    }

    /**
     * A doctor's schedule at a branch gained capacity between two instants (new hours, an extra
     * session, time off withdrawn). Every best-ranked waiting patient who fits is offered one slot in
     * it, as long as slots remain. Returns the number of offers made.
     */
    @Transactional
    public int matchFreedCapacity(UUID doctorId, UUID branchId, Instant from, Instant to) {
        return offer(new FreedTime(doctorId, branchId, new TimeRange(from, to), Optional.empty(), List.of()), false);
    }

    /** One appointment's slot is free again (cancelled, moved away, or its hold ran out). */
    @Transactional
    public boolean offerFreedSlot(AppointmentSlot slot) {
        return offer(
                        new FreedTime(
                                slot.doctorId(),
                                slot.branchId(),
                                slot.time(),
                                Optional.of(new ExactSlot(slot.appointmentTypeId(), slot.time())),
                                List.of()),
                        true)
                > 0;
    }

    /**
     * An offer ended without a booking (declined, expired, withdrawn, lapsed): release its hold and
     * offer the same slot to the next best-ranked patient who has not had it yet.
     */
    @Transactional
    public boolean passOn(UUID fromEntryId, WaitlistOffer offer) {
        booking.releaseOffer(offer.appointmentId(), SYSTEM_USER);
        List<UUID> excluded = new ArrayList<>(offer.earlierRecipients());
        excluded.add(fromEntryId);
        TimeRange time = new TimeRange(offer.start(), offer.end());
        return offer(
                        new FreedTime(
                                offer.doctorId(),
                                offer.branchId(),
                                time,
                                Optional.of(new ExactSlot(offer.appointmentTypeId(), time)),
                                excluded),
                        true)
                > 0;
    }

    /** Reports that the patient's offer ran out (they stay on the list); notifications tells them. */
    public void noticeExpiry(UUID entryId, UUID patientId, WaitlistOffer offer) {
        directory
                .branch(offer.branchId())
                .ifPresent(branch -> events.publishEvent(new WaitlistOfferChanged.Expired(
                        entryId,
                        patientId,
                        offer.appointmentId(),
                        offer.doctorId(),
                        offer.branchId(),
                        offer.start(),
                        offer.expiresAt(),
                        branch.zone(),
                        clock.instant())));
    }

    private record ExactSlot(UUID appointmentTypeId, TimeRange time) {}

    /** Time that became free, optionally exactly one appointment's slot, and whom not to offer it to. */
    private record FreedTime(
            UUID doctorId, UUID branchId, TimeRange time, Optional<ExactSlot> exact, List<UUID> excluded) {}

    private int offer(FreedTime freed, boolean oneOffer) {
        Instant now = clock.instant();
        if (!freed.time().end().isAfter(now)) {
            return 0;
        }
        Optional<BranchFacts> branch = directory.branch(freed.branchId());
        Optional<DoctorFacts> doctor = directory.doctor(freed.doctorId());
        if (branch.isEmpty() || doctor.isEmpty() || !doctor.get().active()) {
            log.info(
                    "Freed time of doctor {} at branch {} not offered: unknown or inactive",
                    freed.doctorId(),
                    freed.branchId());
            return 0;
        }
        ZoneId zone = branch.get().zone();
        Instant searchFrom = freed.time().start().isAfter(now) ? freed.time().start() : now;
        LocalDate firstDate = LocalDate.ofInstant(searchFrom, zone);
        LocalDate lastDate = LocalDate.ofInstant(freed.time().end().minusNanos(1), zone);
        if (lastDate.isAfter(firstDate.plusDays(SlotQuery.MAX_DAYS))) {
            lastDate = firstDate.plusDays(SlotQuery.MAX_DAYS);
        }
        List<Candidate> candidates = WaitlistRanking.rank(
                entries.candidates(new CandidateQuery(
                        freed.doctorId(),
                        freed.branchId(),
                        doctor.get().specialties(),
                        firstDate,
                        lastDate,
                        new HashSet<>(freed.excluded()),
                        MAX_CANDIDATES)),
                Candidate::rankKey);
        Instant expiresAt = now.plus(offerTtl);
        Map<UUID, List<TimeRange>> searchedByType = new HashMap<>();
        int made = 0;
        for (Candidate candidate : candidates) {
            List<TimeRange> starts =
                    startsFor(candidate, freed, doctor.get(), zone, now, firstDate, lastDate, searchedByType);
            for (TimeRange time : starts) {
                Optional<UUID> held = booking.holdForOffer(
                        candidate.patientId(),
                        freed.doctorId(),
                        freed.branchId(),
                        candidate.criteria().appointmentTypeId(),
                        time.start(),
                        expiresAt,
                        candidate.entryId());
                if (held.isEmpty()) {
                    continue; // someone else won this time; try the candidate's next one
                }
                releaseIfRolledBack(held.get());
                // Remembered before anything can release it, so its release is never taken for a new freed slot.
                offerHolds.remember(held.get(), candidate.entryId());
                WaitlistOffer offer = new WaitlistOffer(
                        held.get(),
                        freed.doctorId(),
                        freed.branchId(),
                        candidate.criteria().appointmentTypeId(),
                        time.start(),
                        time.end(),
                        expiresAt,
                        freed.excluded());
                Boolean accepted = commands.request(new MakeOffer(candidate.entryId(), offer, now));
                if (!Boolean.TRUE.equals(accepted)) {
                    // The entry got another offer or closed since the read model saw it.
                    booking.releaseOffer(held.get(), SYSTEM_USER);
                    break;
                }
                events.publishEvent(new WaitlistOfferChanged.Offered(
                        candidate.entryId(),
                        candidate.patientId(),
                        offer.appointmentId(),
                        offer.doctorId(),
                        offer.branchId(),
                        offer.start(),
                        offer.expiresAt(),
                        zone,
                        clock.instant()));
                made++;
                if (oneOffer) {
                    return made;
                }
                searchedByType.clear(); // the hold changed what is free
                break;
            }
        }
        return made;
    }

    /**
     * The hold committed on its own (see {@link WaitlistBooking}); the offer it is for commits with
     * this step. Should the step roll back (recording the offer failed, or anything after it), the
     * hold would be left with no offer to end it and its slot lost to the waiting list, so it is
     * released then, in a step of its own; that release comes back as a freed slot, and the event
     * processor retries the step anyway. If the release fails too, the hold's own expiry frees the
     * slot ({@link WaitlistOfferProcess}).
     */
    private void releaseIfRolledBack(UUID hold) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    log.info("Offer step rolled back: releasing its hold {}", hold);
                    booking.releaseOffer(hold, SYSTEM_USER);
                }
            }
        });
    }

    /** The times this candidate could be offered, best first: the freed slot itself, or searched slots in it. */
    private List<TimeRange> startsFor(
            Candidate candidate,
            FreedTime freed,
            DoctorFacts doctor,
            ZoneId zone,
            Instant now,
            LocalDate firstDate,
            LocalDate lastDate,
            Map<UUID, List<TimeRange>> searchedByType) {
        UUID type = candidate.criteria().appointmentTypeId();
        List<TimeRange> times;
        if (freed.exact().isPresent() && freed.exact().get().appointmentTypeId().equals(type)) {
            times = List.of(freed.exact().get().time());
        } else {
            times = searchedByType.computeIfAbsent(type, t -> search(freed, t, firstDate, lastDate));
        }
        List<TimeRange> fitting = new ArrayList<>();
        for (TimeRange time : times) {
            FreedSlot slot = new FreedSlot(
                    freed.doctorId(),
                    freed.branchId(),
                    doctor.specialties(),
                    type,
                    LocalDateTime.ofInstant(time.start(), zone));
            if (time.start().isAfter(now) && WaitlistMatcher.matches(candidate.criteria(), slot)) {
                fitting.add(time);
            }
        }
        return fitting;
    }

    /** Bookable slots of the type that use some of the freed time (only those are new to the patient). */
    private List<TimeRange> search(FreedTime freed, UUID type, LocalDate firstDate, LocalDate lastDate) {
        List<Slot> found = slots.search(new SlotQuery(
                Optional.of(freed.doctorId()),
                Optional.empty(),
                Optional.of(freed.branchId()),
                type,
                firstDate,
                lastDate,
                SlotQuery.MAX_DAYS * 4));
        return found.stream()
                .filter(slot -> slot.doctorId().equals(freed.doctorId())
                        && slot.branchId().equals(freed.branchId()))
                .map(Slot::range)
                .filter(range -> range.overlaps(freed.time()))
                .toList();
    }
}
