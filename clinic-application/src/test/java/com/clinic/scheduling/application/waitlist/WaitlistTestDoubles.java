package com.clinic.scheduling.application.waitlist;

import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.scheduling.WaitlistOfferChanged;
import com.clinic.scheduling.application.appointment.WaitlistBooking;
import com.clinic.scheduling.application.availability.SlotQuery;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.application.waitlist.port.OfferHolds;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel;
import com.clinic.scheduling.domain.availability.Slot;
import com.clinic.scheduling.domain.availability.SlotVerdict;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistRanking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.context.ApplicationEventPublisher;

/** In-memory stand-ins for the waiting list's ports, recording what the process asked of them. */
final class WaitlistTestDoubles {

    private WaitlistTestDoubles() {}

    /** Candidates as the SQL adapter would select them (the matcher's finer checks are the process's). */
    static final class InMemoryEntries implements WaitlistReadModel {
        final List<Candidate> waiting = new ArrayList<>();
        final List<CandidateQuery> queries = new ArrayList<>();
        final Map<UUID, WaitlistEntryView> views = new HashMap<>();

        @Override
        public Optional<WaitlistEntryView> entry(UUID entryId) {
            return Optional.ofNullable(views.get(entryId));
        }

        @Override
        public Page<WaitlistEntryView> list(Filter filter, PageRequest page) {
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public List<Candidate> candidates(CandidateQuery query) {
            queries.add(query);
            List<Candidate> found = waiting.stream()
                    .filter(c -> !query.excluded().contains(c.entryId()))
                    .filter(c -> c.criteria().branchId().equals(query.branchId()))
                    .filter(c -> c.criteria()
                                    .doctorId()
                                    .map(query.doctorId()::equals)
                                    .orElse(false)
                            || c.criteria()
                                    .specialty()
                                    .map(query.specialties()::contains)
                                    .orElse(false))
                    .filter(c -> !c.criteria().to().isBefore(query.firstDate())
                            && !c.criteria().from().isAfter(query.lastDate()))
                    .toList();
            return WaitlistRanking.rank(found, Candidate::rankKey).stream()
                    .limit(query.limit())
                    .toList();
        }

        @Override
        public Optional<UUID> openEntryFor(UUID patientId, WaitlistCriteria criteria) {
            return Optional.empty();
        }

        /** Among the waiting candidates of the same doctor or specialty at the branch, as the read model counts. */
        @Override
        public int positionFor(WaitlistCriteria criteria, WaitlistRanking.Key rank) {
            return 1
                    + (int) waiting.stream()
                            .filter(c -> c.criteria().branchId().equals(criteria.branchId()))
                            .filter(c -> c.criteria().doctorId().equals(criteria.doctorId())
                                    && (criteria.doctorId().isPresent()
                                            || c.criteria().specialty().equals(criteria.specialty())))
                            .filter(c -> WaitlistRanking.ORDER.compare(c.rankKey(), rank) < 0)
                            .count();
        }
    }

    static final class FakeDirectory extends InMemoryDirectoryFacts {}

    /** Bookings: a time is free unless someone holds it or the test says it is taken. */
    static final class RecordingBooking implements WaitlistBooking {
        record Hold(
                UUID appointmentId, UUID patientId, UUID doctorId, Instant start, Instant holdUntil, UUID entryId) {}

        final List<Hold> holds = new CopyOnWriteArrayList<>();
        final List<UUID> released = new CopyOnWriteArrayList<>();
        final List<UUID> confirmed = new CopyOnWriteArrayList<>();
        final Set<Instant> takenStarts = new HashSet<>();

        @Override
        public Optional<UUID> holdForOffer(
                UUID patientId,
                UUID doctorId,
                UUID branchId,
                UUID appointmentTypeId,
                Instant start,
                Instant holdUntil,
                UUID waitlistEntryId) {
            boolean held = holds.stream()
                    .anyMatch(h -> h.doctorId().equals(doctorId)
                            && h.start().equals(start)
                            && !released.contains(h.appointmentId()));
            if (held || takenStarts.contains(start)) {
                return Optional.empty();
            }
            UUID appointmentId = UUID.randomUUID();
            holds.add(new Hold(appointmentId, patientId, doctorId, start, holdUntil, waitlistEntryId));
            return Optional.of(appointmentId);
        }

        @Override
        public void confirmOffer(UUID appointmentId, UUID actingUserId) {
            confirmed.add(appointmentId);
        }

        @Override
        public void releaseOffer(UUID appointmentId, UUID actingUserId) {
            released.add(appointmentId);
        }
    }

    static final class FakeSlotSearch implements SlotSearch {
        final List<Slot> slots = new ArrayList<>();

        @Override
        public List<Slot> search(SlotQuery query) {
            return slots.stream()
                    .filter(s -> query.doctorId().map(s.doctorId()::equals).orElse(true))
                    .limit(query.limit())
                    .toList();
        }

        @Override
        public SlotVerdict availability(UUID doctorId, UUID branchId, UUID appointmentTypeId, Instant start) {
            return SlotVerdict.FREE;
        }
    }

    static final class InMemoryOfferHolds implements OfferHolds {
        final Map<UUID, UUID> holds = new HashMap<>();

        @Override
        public void remember(UUID appointmentId, UUID entryId) {
            holds.put(appointmentId, entryId);
        }

        @Override
        public boolean isOfferHold(UUID appointmentId) {
            return holds.containsKey(appointmentId);
        }
    }

    /** What scheduling published for other contexts (notifications reacts to it there). */
    static final class RecordingEvents implements ApplicationEventPublisher {
        final List<WaitlistOfferChanged> published = new CopyOnWriteArrayList<>();

        @Override
        public void publishEvent(Object event) {
            if (event instanceof WaitlistOfferChanged change) {
                published.add(change);
            }
        }
    }

    /**
     * Projections that have handled every event up to {@link #handledUpTo} (all of them, unless a test
     * holds them back), recording which processing group was waited for at which position, for how long.
     */
    static final class FakeReadModels implements ReadModelBarrier {
        record Waited(String processingGroup, TrackingToken position, Duration timeout) {}

        final List<Waited> waited = new CopyOnWriteArrayList<>();
        long handledUpTo = Long.MAX_VALUE;

        @Override
        public boolean awaitCaughtUp(Duration timeout) {
            return true;
        }

        @Override
        public boolean awaitProcessed(Duration timeout) {
            return true;
        }

        @Override
        public boolean awaitHandled(String processingGroup, TrackingToken position, Duration timeout) {
            waited.add(new Waited(processingGroup, position, timeout));
            return position.position().orElseThrow() <= handledUpTo;
        }
    }

    /** Answers MakeOffer like an entry would: yes, unless the test says the entry moved on. */
    static Predicate<UUID> alwaysAccepting() {
        return entryId -> true;
    }
}
