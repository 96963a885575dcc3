package com.clinic.platform.bootstrap.demo;

import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.appointment.AppointmentBooking;
import com.clinic.scheduling.application.appointment.AppointmentPolicy;
import com.clinic.scheduling.application.appointment.SlotChoice;
import com.clinic.scheduling.application.appointment.VisitSteps;
import com.clinic.scheduling.application.availability.AppointmentTypeInput;
import com.clinic.scheduling.application.availability.AppointmentTypeService;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.application.availability.ScheduleService;
import com.clinic.scheduling.application.queue.QueueService;
import com.clinic.scheduling.application.waitlist.JoinRequest;
import com.clinic.scheduling.application.waitlist.WaitlistService;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.Price;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo chain's scheduling, relative to the clock and each branch's own today: appointment types,
 * every doctor's weekly hours, appointments from three days back to four days ahead, today's walk-in
 * queues, and a waiting list.
 *
 * <p>Upcoming appointments are booked, checked in and queued through the use cases, as reception and
 * the doctors would. The past cannot be booked through them (a booking must be ahead of its time), so
 * past visits are sent as the same commands the use cases send, each carrying the moment it would
 * have happened ({@code at}, which the domain takes from the command, never from a clock): booked
 * days before, then checked in, started and completed, or cancelled; the ones left booked become
 * no-shows when their durable no-show check fires, as any would. The claim ledger, projections, audit
 * and queue admission all see them as real.
 *
 * <p>Each doctor takes every fourth slot of a session, offset by their place at the branch, so no two
 * appointments of a branch overlap in time and any of its patients can be given any of them.
 */
@Component
@Profile("demo")
class DemoScheduling {

    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<DayOfWeek> SAUDI_WEEK =
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    private static final Set<DayOfWeek> UAE_WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final LocalTime MORNING = LocalTime.of(9, 0);
    private static final LocalTime MIDDAY = LocalTime.of(13, 0);
    private static final LocalTime EVENING = LocalTime.of(16, 0);
    private static final LocalTime NIGHT = LocalTime.of(20, 0);
    private static final LocalTime LATE = LocalTime.of(21, 0);
    /**
     * How long before the start a patient may check in (the appointment's rule): seeded just after
     * midnight, today's first visit is further away, and checking it in would be refused.
     */
    private static final Duration CHECK_IN_OPENS = Duration.ofHours(12);

    private static final int PAST_DAYS = 3;
    private static final int FUTURE_DAYS = 4;
    /** How far back the weekly hours start, and the signed-in patients' own last visits may lie. */
    private static final int HISTORY_DAYS = 7;
    /** The slot of a session the rotation never takes (it takes 0..7): the signed-in patients' own. */
    private static final int OWN_SLOT = 8;

    /** A branch as the seeding needs it. */
    record Site(UUID branchId, String name, ZoneId zone) {}

    /** A doctor, with their user account, branch (index in the sites) and login name. */
    record Doc(UUID doctorId, UUID userId, int site, String login, String specialty) {}

    /** A patient who signs in themselves. */
    record Signed(UUID patientId, UUID userId, int site, String nameEn) {}

    /** The chain the directory seeding made. */
    record Chain(
            UUID clinicId,
            List<Site> sites,
            UUID managerId,
            List<UUID> receptionIds,
            List<Doc> doctors,
            List<List<UUID>> patientsAtReception,
            List<Signed> signedIn) {}

    /** What was made, for the log. */
    record Seeded(int types, int appointments, int tickets, int waitlistEntries) {

        @Override
        public String toString() {
            return types + " appointment types, " + appointments + " appointments, " + tickets
                    + " walk-in tickets today, " + waitlistEntries + " waiting-list entries";
        }
    }

    private final AppointmentTypeService types;
    private final ScheduleService schedules;
    private final AppointmentBooking booking;
    private final VisitSteps visits;
    private final QueueService queues;
    private final WaitlistService waitlist;
    private final Commands commands;
    private final AppointmentPolicy policy;
    private final TransactionTemplate transactions;
    private final ReadModelBarrier readModels;
    private final IdGenerator ids;
    private final Clock clock;

    DemoScheduling(
            AppointmentTypeService types,
            ScheduleService schedules,
            AppointmentBooking booking,
            VisitSteps visits,
            QueueService queues,
            WaitlistService waitlist,
            Commands commands,
            AppointmentPolicy policy,
            TransactionTemplate transactions,
            ReadModelBarrier readModels,
            IdGenerator ids,
            Clock clock) {
        this.types = types;
        this.schedules = schedules;
        this.booking = booking;
        this.visits = visits;
        this.queues = queues;
        this.waitlist = waitlist;
        this.commands = commands;
        this.policy = policy;
        this.transactions = transactions;
        this.readModels = readModels;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Waits until the processes and projections include everything written so far: the next step
     * reads it (a doctor's schedule before booking, a booking before the queue) through read models.
     */
    static void settle(ReadModelBarrier readModels) {
        if (!readModels.awaitProcessed(SETTLE_TIMEOUT)) {
            throw new IllegalStateException("Demo seeding: the read models did not catch up within " + SETTLE_TIMEOUT);
        }
    }

    Seeded seed(Chain chain) {
        Actor manager = new Actor(chain.managerId(), Role.MANAGER, Optional.of(chain.clinicId()), Optional.empty());
        AppointmentTypeView consultation = types.create(
                manager,
                chain.clinicId(),
                new AppointmentTypeInput(
                        new BilingualName("كشف", "First visit"),
                        new BookingRules(
                                Duration.ofMinutes(20),
                                Duration.ZERO,
                                Duration.ofMinutes(5),
                                Duration.ofHours(1),
                                Duration.ofDays(60),
                                1),
                        false,
                        new Price(new BigDecimal("300.00"), "SAR")));
        types.create(
                manager,
                chain.clinicId(),
                new AppointmentTypeInput(
                        new BilingualName("زيارة متابعة", "Follow-up visit"),
                        new BookingRules(
                                Duration.ofMinutes(10),
                                Duration.ZERO,
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(30),
                                Duration.ofDays(90),
                                1),
                        false,
                        new Price(new BigDecimal("150.00"), "SAR")));
        types.create(
                manager,
                chain.clinicId(),
                new AppointmentTypeInput(
                        new BilingualName("زيارة بالفيديو", "Video visit"),
                        new BookingRules(
                                Duration.ofMinutes(20),
                                Duration.ZERO,
                                Duration.ofMinutes(10),
                                Duration.ofHours(2),
                                Duration.ofDays(30),
                                1),
                        true,
                        new Price(new BigDecimal("250.00"), "SAR")));

        List<List<WeeklyInterval>> weeks = new ArrayList<>();
        int[] placeAtSite = new int[chain.sites().size()];
        List<Integer> places = new ArrayList<>();
        for (Doc doctor : chain.doctors()) {
            Site site = chain.sites().get(doctor.site());
            int place = placeAtSite[doctor.site()]++;
            places.add(place);
            List<WeeklyInterval> week = week(site, place);
            weeks.add(week);
            // Effective from before the first seeded day, so the past visits fell in working time too.
            LocalDate from = LocalDate.now(clock.withZone(site.zone())).minusDays(HISTORY_DAYS);
            schedules.defineWorkingHours(
                    manager,
                    doctor.doctorId(),
                    site.branchId(),
                    List.of(new WorkingHours(week, from, Optional.empty())),
                    new ScheduleService.Precondition.NoneYet());
        }
        settle(readModels);

        int appointments = 0;
        int[] turn = new int[chain.sites().size()];
        List<Arrival> arrivals = new ArrayList<>();
        for (int d = 0; d < chain.doctors().size(); d++) {
            Doc doctor = chain.doctors().get(d);
            Site site = chain.sites().get(doctor.site());
            Actor desk = desk(chain, doctor.site());
            List<UUID> patients = chain.patientsAtReception().get(doctor.site());
            LocalDate today = LocalDate.now(clock.withZone(site.zone()));
            boolean checkedInOneToday = false;
            for (LocalDate day = today.minusDays(PAST_DAYS);
                    !day.isAfter(today.plusDays(FUTURE_DAYS));
                    day = day.plusDays(1)) {
                for (List<TimeRange> session : sessions(weeks.get(d), site.zone(), day, consultation.rules())) {
                    for (int slot = places.get(d); slot < Math.min(session.size(), OWN_SLOT); slot += 4) {
                        TimeRange time = session.get(slot);
                        UUID patient = patients.get(turn[doctor.site()]++ % patients.size());
                        int kind = turn[doctor.site()] % 7;
                        Optional<UUID> made = appointment(chain, doctor, desk, consultation, time, patient, kind);
                        if (made.isPresent()) {
                            appointments++;
                            if (day.equals(today)
                                    && !checkedInOneToday
                                    && time.start().isAfter(clock.instant())
                                    && time.start().isBefore(clock.instant().plus(CHECK_IN_OPENS))) {
                                arrivals.add(new Arrival(made.get(), doctor.site()));
                                checkedInOneToday = true;
                            }
                        }
                    }
                }
            }
        }
        appointments += signedInPatientsVisits(chain, weeks, consultation);
        settle(readModels);

        // The first upcoming visit of the day per doctor has arrived early: checked in, it joins the queue.
        for (Arrival arrival : arrivals) {
            visits.checkIn(desk(chain, arrival.site()), arrival.appointmentId());
        }
        int tickets = walkIns(chain, weeks);
        settle(readModels);
        int entries = waitingList(chain, consultation);
        settle(readModels);
        return new Seeded(3, appointments, tickets, entries);
    }

    /**
     * Most doctors keep the branch's working week, mornings and evenings; at Riyadh and Dubai one of
     * them also holds the weekend evening clinic, so every day has someone to see at those branches.
     */
    private static List<WeeklyInterval> week(Site site, int place) {
        boolean dubai = site.zone().getId().equals("Asia/Dubai");
        Set<DayOfWeek> days = dubai ? UAE_WEEK : SAUDI_WEEK;
        List<WeeklyInterval> week = new ArrayList<>();
        for (DayOfWeek day : days) {
            week.add(new WeeklyInterval(day, MORNING, MIDDAY));
            week.add(new WeeklyInterval(day, EVENING, NIGHT));
        }
        boolean weekendClinic = place == 1 && !site.name().equals("Jeddah");
        if (weekendClinic) {
            for (DayOfWeek day : EnumSet.complementOf(EnumSet.copyOf(days))) {
                week.add(new WeeklyInterval(day, EVENING, LATE));
            }
        }
        return week;
    }

    /** The type's slots in each session of the day, on the grid slot search uses (from the session's start). */
    private static List<List<TimeRange>> sessions(
            List<WeeklyInterval> week, ZoneId zone, LocalDate day, BookingRules rules) {
        List<List<TimeRange>> sessions = new ArrayList<>();
        for (WeeklyInterval interval : week) {
            if (interval.day() != day.getDayOfWeek()) {
                continue;
            }
            Instant end = day.atTime(interval.end()).atZone(zone).toInstant();
            List<TimeRange> slots = new ArrayList<>();
            for (Instant start = day.atTime(interval.start()).atZone(zone).toInstant();
                    !start.plus(rules.duration()).isAfter(end);
                    start = start.plus(rules.slotInterval())) {
                slots.add(new TimeRange(start, start.plus(rules.duration())));
            }
            sessions.add(slots);
        }
        return sessions;
    }

    /**
     * One appointment: over by now, a past visit with an outcome; far enough ahead, booked at the
     * desk; in between (under way, or within the type's minimum notice), none.
     */
    private Optional<UUID> appointment(
            Chain chain, Doc doctor, Actor desk, AppointmentTypeView type, TimeRange time, UUID patient, int kind) {
        Instant now = clock.instant();
        if (!time.end().plus(type.rules().bufferAfter()).isAfter(now)) {
            return Optional.of(pastVisit(chain, doctor, desk, type, time, patient, kind));
        }
        if (time.start().isBefore(now.plus(type.rules().minimumNotice()))) {
            return Optional.empty();
        }
        return Optional.of(booking.book(
                desk,
                Optional.of(patient),
                new SlotChoice(
                        doctor.doctorId(),
                        chain.sites().get(doctor.site()).branchId(),
                        type.appointmentTypeId(),
                        time.start())));
    }

    /**
     * A visit that has happened: booked two days before, then (by {@code kind}) seen and completed,
     * cancelled the day before, or left booked to become a no-show. One transaction, so the no-show
     * check a past booking schedules cannot fire between the booking and the check-in.
     */
    private UUID pastVisit(
            Chain chain, Doc doctor, Actor desk, AppointmentTypeView type, TimeRange time, UUID patient, int kind) {
        Site site = chain.sites().get(doctor.site());
        AppointmentSlot slot = new AppointmentSlot(
                chain.clinicId(),
                site.branchId(),
                doctor.doctorId(),
                type.appointmentTypeId(),
                time,
                type.rules().blocked(time),
                type.virtual(),
                type.rules().capacity());
        UUID appointmentId = ids.next();
        Instant start = time.start();
        transactions.executeWithoutResult(status -> {
            commands.request(new BookAppointment(
                    appointmentId, patient, slot, desk.userId(), Optional.empty(), start.minus(Duration.ofDays(2))));
            switch (kind) {
                case 0 ->
                    commands.request(new Cancel(
                            appointmentId,
                            CancellationReason.PATIENT_REQUEST,
                            "",
                            desk.userId(),
                            policy.lateCancelWindow(),
                            start.minus(Duration.ofDays(1))));
                case 1 -> {} // never came: the no-show check marks it
                default -> {
                    commands.request(new CheckIn(appointmentId, desk.userId(), start.minus(Duration.ofMinutes(10))));
                    commands.request(
                            new StartConsultation(appointmentId, doctor.userId(), start.plus(Duration.ofMinutes(2))));
                    commands.request(new Complete(appointmentId, doctor.userId(), time.end()));
                }
            }
        });
        return appointmentId;
    }

    /**
     * The patients who sign in get a history of their own: a visit completed on their doctor's last
     * working day, and for the first of each branch an upcoming one, on the slot the rotation leaves
     * free, so it never overlaps anything else they have.
     */
    private int signedInPatientsVisits(Chain chain, List<List<WeeklyInterval>> weeks, AppointmentTypeView type) {
        int made = 0;
        boolean[] upcomingGiven = new boolean[chain.sites().size()];
        int[] seenAtSite = new int[chain.sites().size()];
        for (Signed patient : chain.signedIn()) {
            int d = firstDoctorAt(chain, patient.site());
            Doc doctor = chain.doctors().get(d);
            Site site = chain.sites().get(patient.site());
            Actor desk = desk(chain, patient.site());
            LocalDate today = LocalDate.now(clock.withZone(site.zone()));
            // The n-th signed-in patient of a branch takes the n-th most recent working day: one doctor, one slot a
            // day.
            int skip = seenAtSite[patient.site()]++;
            Optional<TimeRange> past = Optional.empty();
            for (LocalDate day = today.minusDays(1);
                    past.isEmpty() && !day.isBefore(today.minusDays(HISTORY_DAYS));
                    day = day.minusDays(1)) {
                Optional<TimeRange> own = ownSlot(weeks.get(d), site.zone(), day, type.rules());
                if (own.isPresent() && skip-- == 0) {
                    past = own;
                }
            }
            if (past.isPresent() && past.get().end().isBefore(clock.instant())) {
                pastVisit(chain, doctor, desk, type, past.get(), patient.patientId(), 2);
                made++;
            }
            if (!upcomingGiven[patient.site()]) {
                Optional<TimeRange> upcoming = Optional.empty();
                for (LocalDate day = today.plusDays(1);
                        upcoming.isEmpty() && !day.isAfter(today.plusDays(FUTURE_DAYS));
                        day = day.plusDays(1)) {
                    upcoming = ownSlot(weeks.get(d), site.zone(), day, type.rules());
                }
                if (upcoming.isPresent()) {
                    booking.book(
                            desk,
                            Optional.of(patient.patientId()),
                            new SlotChoice(
                                    doctor.doctorId(),
                                    site.branchId(),
                                    type.appointmentTypeId(),
                                    upcoming.get().start()));
                    upcomingGiven[patient.site()] = true;
                    made++;
                }
            }
        }
        return made;
    }

    private static Optional<TimeRange> ownSlot(
            List<WeeklyInterval> week, ZoneId zone, LocalDate day, BookingRules rules) {
        return sessions(week, zone, day, rules).stream()
                .filter(session -> session.size() > OWN_SLOT)
                .map(session -> session.get(OWN_SLOT))
                .findFirst();
    }

    /**
     * Today's walk-ins at every branch, for the doctors who work today: three for the first (one of
     * them without a record, as at a real desk), two for the next; the first doctor calls and starts
     * seeing the head of their queue.
     */
    private int walkIns(Chain chain, List<List<WeeklyInterval>> weeks) {
        int tickets = 0;
        for (int s = 0; s < chain.sites().size(); s++) {
            Site site = chain.sites().get(s);
            Actor desk = desk(chain, s);
            DayOfWeek today = LocalDate.now(clock.withZone(site.zone())).getDayOfWeek();
            List<UUID> patients = chain.patientsAtReception().get(s);
            List<Doc> working = new ArrayList<>();
            for (int d = 0; d < chain.doctors().size(); d++) {
                Doc doctor = chain.doctors().get(d);
                if (doctor.site() == s && weeks.get(d).stream().anyMatch(interval -> interval.day() == today)) {
                    working.add(doctor);
                }
            }
            for (int w = 0; w < Math.min(2, working.size()); w++) {
                Doc doctor = working.get(w);
                int count = w == 0 ? 3 : 2;
                for (int t = 0; t < count; t++) {
                    Optional<UUID> patient = w == 0 && t == 2
                            ? Optional.empty()
                            : Optional.of(patients.get(patients.size() - 1 - (w * 3 + t)));
                    queues.issueWalkIn(desk, doctor.doctorId(), site.branchId(), patient);
                    tickets++;
                }
            }
            if (!working.isEmpty()) {
                Doc first = working.getFirst();
                Actor doctor = new Actor(
                        first.userId(), Role.DOCTOR, Optional.of(chain.clinicId()), Optional.of(site.branchId()));
                QueueService.IssuedTicket called = queues.callNext(doctor, first.doctorId(), site.branchId());
                queues.start(doctor, called.ticketId());
            }
        }
        return tickets;
    }

    /**
     * Waiting for the Riyadh cardiologist (one urgent, triaged at the desk, and one patient who joined
     * themselves), for any Jeddah ophthalmologist, and for the Dubai cardiologist, over the next two
     * weeks. Joined after the schedules settled, so they wait for a freed slot rather than being
     * offered the new hours at once.
     */
    private int waitingList(Chain chain, AppointmentTypeView type) {
        int entries = 0;
        Doc riyadhCardiology = doctor(chain, "sarah.alqahtani");
        Doc dubaiCardiology = doctor(chain, "layla.almansoori");
        List<UUID> riyadh = chain.patientsAtReception().get(riyadhCardiology.site());
        entries += join(
                chain,
                riyadhCardiology.site(),
                Optional.of(riyadhCardiology.doctorId()),
                Optional.empty(),
                type,
                riyadh.get(0),
                Urgency.ROUTINE);
        entries += join(
                chain,
                riyadhCardiology.site(),
                Optional.of(riyadhCardiology.doctorId()),
                Optional.empty(),
                type,
                riyadh.get(1),
                Urgency.URGENT);
        entries += join(
                chain,
                riyadhCardiology.site(),
                Optional.of(riyadhCardiology.doctorId()),
                Optional.empty(),
                type,
                riyadh.get(2),
                Urgency.ROUTINE);
        Signed omar = chain.signedIn().stream()
                .filter(patient -> patient.nameEn().startsWith("Omar"))
                .findFirst()
                .orElseThrow();
        Site omarSite = chain.sites().get(omar.site());
        LocalDate omarToday = LocalDate.now(clock.withZone(omarSite.zone()));
        waitlist.join(
                new Actor(omar.userId(), Role.PATIENT, Optional.empty(), Optional.empty()),
                new JoinRequest(
                        Optional.empty(),
                        Optional.of(riyadhCardiology.doctorId()),
                        Optional.empty(),
                        omarSite.branchId(),
                        type.appointmentTypeId(),
                        omarToday,
                        omarToday.plusDays(14),
                        List.of(new TimeOfDayRange(EVENING, NIGHT)),
                        Optional.empty()));
        entries++;
        int jeddah = doctor(chain, "hind.bakhashab").site();
        entries += join(
                chain,
                jeddah,
                Optional.empty(),
                Optional.of("ophthalmology"),
                type,
                chain.patientsAtReception().get(jeddah).get(0),
                Urgency.ROUTINE);
        entries += join(
                chain,
                dubaiCardiology.site(),
                Optional.of(dubaiCardiology.doctorId()),
                Optional.empty(),
                type,
                chain.patientsAtReception().get(dubaiCardiology.site()).get(0),
                Urgency.SOON);
        return entries;
    }

    private int join(
            Chain chain,
            int site,
            Optional<UUID> doctorId,
            Optional<String> specialty,
            AppointmentTypeView type,
            UUID patient,
            Urgency urgency) {
        Site at = chain.sites().get(site);
        LocalDate today = LocalDate.now(clock.withZone(at.zone()));
        waitlist.join(
                desk(chain, site),
                new JoinRequest(
                        Optional.of(patient),
                        doctorId,
                        specialty,
                        at.branchId(),
                        type.appointmentTypeId(),
                        today,
                        today.plusDays(14),
                        List.of(),
                        Optional.of(urgency)));
        return 1;
    }

    private static Actor desk(Chain chain, int site) {
        return new Actor(
                chain.receptionIds().get(site),
                Role.RECEPTIONIST,
                Optional.of(chain.clinicId()),
                Optional.of(chain.sites().get(site).branchId()));
    }

    private static int firstDoctorAt(Chain chain, int site) {
        for (int d = 0; d < chain.doctors().size(); d++) {
            if (chain.doctors().get(d).site() == site) {
                return d;
            }
        }
        throw new IllegalStateException("No doctor at site " + site);
    }

    private static Doc doctor(Chain chain, String login) {
        return chain.doctors().stream()
                .filter(doctor -> doctor.login().equals(login))
                .findFirst()
                .orElseThrow();
    }

    /** An upcoming visit of today whose patient has already arrived. */
    private record Arrival(UUID appointmentId, int site) {}
}
