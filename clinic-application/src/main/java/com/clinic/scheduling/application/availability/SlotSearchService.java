package com.clinic.scheduling.application.availability;

import com.clinic.directory.DirectoryFacts;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.availability.AvailabilityReadModel.SlotCriteria;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.EarliestSlots;
import com.clinic.scheduling.domain.availability.ScheduledDoctor;
import com.clinic.scheduling.domain.availability.Slot;
import com.clinic.scheduling.domain.availability.SlotFinder;
import com.clinic.scheduling.domain.availability.SlotVerdict;
import com.clinic.scheduling.domain.availability.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Slot search: the type's rules, then one query for every matching doctor's schedule rows and
 * claims, then the pure computation. Two round trips to the database whatever the number of
 * doctors; nothing is pre-generated, so a booking or a schedule change shows up at once.
 */
@Service
public class SlotSearchService implements SlotSearch {

    /** The directory's specialty codes: lower-case words joined by hyphens. */
    private static final Pattern SPECIALTY = Pattern.compile("[a-z0-9][a-z0-9-]{1,49}");

    /** Local dates are at most this far from UTC dates (UTC+14 and UTC-12), rounded up. */
    private static final Duration ZONE_SLACK = Duration.ofDays(2);

    private final AppointmentTypes types;
    private final AvailabilityReadModel readModel;
    private final DirectoryFacts directory;
    private final Clock clock;

    SlotSearchService(AppointmentTypes types, AvailabilityReadModel readModel, DirectoryFacts directory, Clock clock) {
        this.types = types;
        this.readModel = readModel;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        AppointmentTypeView type = activeType(query.appointmentTypeId());
        Optional<String> specialty = query.specialty().map(SlotSearchService::specialty);
        SlotCriteria criteria = new SlotCriteria(query.doctorId(), specialty, query.branchId(), type.clinicId());
        Instant now = clock.instant();
        List<Slot> slots = compute(criteria, type.rules(), query.from(), query.to(), now, query.limit());
        if (slots.isEmpty() && query.branchId().isPresent()) {
            explainNothingAt(query.branchId().get(), type);
        }
        return slots;
    }

    @Override
    public SlotVerdict availability(UUID doctorId, UUID branchId, UUID appointmentTypeId, Instant start) {
        AppointmentTypeView type = activeType(appointmentTypeId);
        BookingRules rules = type.rules();
        Instant now = clock.instant();
        if (!rules.admits(start, now)) {
            return SlotVerdict.OUTSIDE_BOOKING_WINDOW;
        }
        // The start's local date (and the day before, for extra sessions past midnight) in any zone.
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate from = day.minusDays(2);
        LocalDate to = day.plusDays(1);
        SlotCriteria criteria =
                new SlotCriteria(Optional.of(doctorId), Optional.empty(), Optional.of(branchId), type.clinicId());
        Optional<TimeRange> claimed = claimWindow(rules, from, to, now);
        if (claimed.isEmpty()) {
            return SlotVerdict.OUTSIDE_BOOKING_WINDOW;
        }
        return readModel.scheduledDoctors(criteria, from, to, claimed.get()).stream()
                .findFirst()
                .map(doctor -> SlotFinder.judge(doctor, rules, start, now))
                // No schedule of this doctor at this branch (or not an active doctor placed there): no grid.
                .orElse(SlotVerdict.OFF_GRID);
    }

    private List<Slot> compute(
            SlotCriteria criteria, BookingRules rules, LocalDate from, LocalDate to, Instant now, int limit) {
        Optional<TimeRange> claimed = claimWindow(rules, from, to, now);
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<ScheduledDoctor> doctors = readModel.scheduledDoctors(criteria, from, to, claimed.get());
        return EarliestSlots.find(doctors, rules, from, to, now, limit);
    }

    /**
     * The real time whose claims can matter: every slot of the local dates (in any zone, extra
     * sessions running past midnight included) widened by the buffers, but nothing before the
     * minimum notice or after the horizon, so the millions of past claims are never read. Empty
     * when no slot can exist at all.
     */
    static Optional<TimeRange> claimWindow(BookingRules rules, LocalDate from, LocalDate to, Instant now) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant().minus(ZONE_SLACK);
        Instant end = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().plus(ZONE_SLACK);
        Instant earliest = now.plus(rules.minimumNotice());
        Instant latest = now.plus(rules.horizon()).plus(rules.duration());
        start = max(start, earliest).minus(rules.bufferBefore());
        end = min(end, latest).plus(rules.bufferAfter());
        return start.isBefore(end) ? Optional.of(new TimeRange(start, end)) : Optional.empty();
    }

    private AppointmentTypeView activeType(UUID appointmentTypeId) {
        return types.find(appointmentTypeId)
                .filter(AppointmentTypeView::active)
                .orElseThrow(() -> new Rejection.NotFound("appointment-type.not-found"));
    }

    /** No slots at a named branch: say so plainly if the branch is unknown or not of the type's clinic. */
    private void explainNothingAt(UUID branchId, AppointmentTypeView type) {
        var branch = directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        if (!branch.clinicId().equals(type.clinicId())) {
            throw new Rejection.RuleViolated("slots.type-not-offered-at-branch");
        }
    }

    private static String specialty(String raw) {
        String code = raw.strip().toLowerCase(Locale.ROOT);
        if (!SPECIALTY.matcher(code).matches()) {
            throw new Rejection.RuleViolated("slots.specialty-invalid");
        }
        return code;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
