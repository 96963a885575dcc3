package com.clinic.scheduling.application.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.access.FixedActorRecords;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.appointment.WaitlistBooking;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.AcceptOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.JoinWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistRanking;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may do what on the waiting list, and that accepting books the held slot. */
class WaitlistServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Africa/Cairo");
    private static final Instant NOW = Instant.parse("2026-06-01T07:00:00Z");
    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID OTHER_BRANCH = UUID.randomUUID();
    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID TYPE = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID PATIENT_USER = UUID.randomUUID();
    private static final UUID HOLD = UUID.randomUUID();

    private final Entries entries = new Entries();
    private final InMemoryDirectoryFacts directory = new InMemoryDirectoryFacts();
    private final ConfirmingBooking booking = new ConfirmingBooking();
    private final List<WaitlistCommand> sent = new CopyOnWriteArrayList<>();
    private WaitlistService service;

    private final Actor patient = new Actor(PATIENT_USER, Role.PATIENT, Optional.empty(), Optional.empty());
    private final Actor receptionist =
            new Actor(UUID.randomUUID(), Role.RECEPTIONIST, Optional.of(CLINIC), Optional.of(BRANCH));
    private final Actor otherReceptionist =
            new Actor(UUID.randomUUID(), Role.RECEPTIONIST, Optional.of(CLINIC), Optional.of(OTHER_BRANCH));
    private final Actor doctor = new Actor(UUID.randomUUID(), Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH));

    /** The entries the read model shows; nobody else is waiting. */
    private static final class Entries implements WaitlistReadModel {
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
            return List.of();
        }

        @Override
        public Optional<UUID> openEntryFor(UUID patientId, WaitlistCriteria criteria) {
            return Optional.empty();
        }

        @Override
        public int positionFor(WaitlistCriteria criteria, WaitlistRanking.Key rank) {
            return 1;
        }
    }

    /** Bookings as far as accepting goes: which held slots were confirmed. */
    private static final class ConfirmingBooking implements WaitlistBooking {
        final List<UUID> confirmed = new CopyOnWriteArrayList<>();

        @Override
        public Optional<UUID> holdForOffer(
                UUID patientId,
                UUID doctorId,
                UUID branchId,
                UUID appointmentTypeId,
                Instant start,
                Instant holdUntil,
                UUID waitlistEntryId) {
            throw new UnsupportedOperationException("joining and answering offers hold nothing");
        }

        @Override
        public void confirmOffer(UUID appointmentId, UUID actingUserId) {
            confirmed.add(appointmentId);
        }

        @Override
        public void releaseOffer(UUID appointmentId, UUID actingUserId) {
            throw new UnsupportedOperationException("joining and answering offers release nothing");
        }
    }

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(JoinWaitlist.class.getName(), message -> {
            sent.add((WaitlistCommand) message.getPayload());
            return null;
        });
        bus.subscribe(AcceptOffer.class.getName(), message -> {
            sent.add((WaitlistCommand) message.getPayload());
            return HOLD;
        });
        AppointmentTypeView type = new AppointmentTypeView(
                TYPE,
                CLINIC,
                "كشف",
                "Consultation",
                new BookingRules(
                        Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(90), 1),
                false,
                BigDecimal.TEN,
                "EGP",
                true,
                1);
        service = new WaitlistService(
                new Commands(DefaultCommandGateway.builder().commandBus(bus).build()),
                entries,
                directory,
                id -> Optional.of(type).filter(t -> t.appointmentTypeId().equals(id)),
                booking,
                UUID::randomUUID,
                java.time.Clock.fixed(NOW, ZONE),
                new FixedActorRecords().patient(PATIENT_USER, PATIENT).policy());
        directory.branches.put(BRANCH, new BranchFacts(BRANCH, CLINIC, ZONE));
        directory.doctors.put(
                DOCTOR, new DoctorFacts(DOCTOR, UUID.randomUUID(), CLINIC, Set.of(BRANCH), Set.of("cardiology"), true));
        directory.patients.put(
                PATIENT, new PatientFacts(PATIENT, CLINIC, BRANCH, Optional.of(PATIENT_USER), "ar", false));
    }

    private JoinRequest joinRequest(Optional<UUID> patientId, Optional<Urgency> urgency) {
        return new JoinRequest(
                patientId,
                Optional.of(DOCTOR),
                Optional.empty(),
                BRANCH,
                TYPE,
                LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 30),
                List.of(),
                urgency);
    }

    private void offeredEntry(UUID entryId) {
        entries.views.put(
                entryId,
                new WaitlistEntryView(
                        entryId,
                        PATIENT,
                        CLINIC,
                        BRANCH,
                        Optional.of(DOCTOR),
                        Optional.empty(),
                        TYPE,
                        LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 6, 30),
                        List.of(),
                        Urgency.ROUTINE,
                        NOW,
                        WaitlistEntryStatus.OFFERED,
                        Optional.of(1),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        1));
    }

    @Test
    void aPatientJoinsForThemselvesWithAWindowEndingAtMidnightInTheBranchZone() {
        var joined = service.join(patient, joinRequest(Optional.empty(), Optional.empty()));

        assertThat(sent).singleElement().isInstanceOfSatisfying(JoinWaitlist.class, join -> {
            assertThat(join.entryId()).isEqualTo(joined.entryId());
            assertThat(join.patientId()).isEqualTo(PATIENT);
            assertThat(join.urgency()).isEqualTo(Urgency.ROUTINE);
            assertThat(join.lapsesAt())
                    .isEqualTo(LocalDate.of(2026, 7, 1).atStartOfDay(ZONE).toInstant());
        });
    }

    @Test
    void patientsCannotDeclareThemselvesUrgent() {
        assertThatThrownBy(() -> service.join(patient, joinRequest(Optional.empty(), Optional.of(Urgency.URGENT))))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("waitlist.urgency-for-staff");
    }

    @Test
    void patientsJoinOnlyForThemselvesAndAnyOtherPatientIsNotFound() {
        assertThatThrownBy(() -> service.join(patient, joinRequest(Optional.of(UUID.randomUUID()), Optional.empty())))
                .isInstanceOf(Rejection.NotFound.class)
                .hasMessage("waitlist.patient-not-found");
    }

    @Test
    void aReceptionistJoinsAPatientOfTheirBranchWithAnUrgency() {
        service.join(receptionist, joinRequest(Optional.of(PATIENT), Optional.of(Urgency.URGENT)));

        assertThat(sent).singleElement().isInstanceOfSatisfying(JoinWaitlist.class, join -> {
            assertThat(join.urgency()).isEqualTo(Urgency.URGENT);
            assertThat(join.joinedBy()).isEqualTo(receptionist.userId());
        });
    }

    @Test
    void aReceptionistOfAnotherBranchDoesNotFindThePatient() {
        assertThatThrownBy(() -> service.join(otherReceptionist, joinRequest(Optional.of(PATIENT), Optional.empty())))
                .isInstanceOf(Rejection.NotFound.class)
                .hasMessage("waitlist.patient-not-found");
    }

    @Test
    void doctorsDoNotPutPatientsOnTheWaitingList() {
        assertThatThrownBy(() -> service.join(doctor, joinRequest(Optional.of(PATIENT), Optional.empty())))
                .isInstanceOf(AccessRefused.class)
                .hasMessageStartingWith("JOIN_WAITLIST:");
    }

    @Test
    void aDoctorWhoDoesNotWorkAtTheBranchCannotBeWaitedFor() {
        directory.doctors.put(
                DOCTOR, new DoctorFacts(DOCTOR, UUID.randomUUID(), CLINIC, Set.of(OTHER_BRANCH), Set.of(), true));

        assertThatThrownBy(() -> service.join(patient, joinRequest(Optional.empty(), Optional.empty())))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("waitlist.doctor-not-at-branch");
    }

    @Test
    void anUnknownAppointmentTypeIsNotFound() {
        JoinRequest request = new JoinRequest(
                Optional.empty(),
                Optional.of(DOCTOR),
                Optional.empty(),
                BRANCH,
                UUID.randomUUID(),
                LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 30),
                List.of(),
                Optional.empty());

        assertThatThrownBy(() -> service.join(patient, request))
                .isInstanceOf(Rejection.NotFound.class)
                .hasMessage("waitlist.appointment-type-not-found");
    }

    @Test
    void aWindowThatEndedYesterdayInTheBranchZoneIsRefused() {
        JoinRequest request = new JoinRequest(
                Optional.empty(),
                Optional.of(DOCTOR),
                Optional.empty(),
                BRANCH,
                TYPE,
                LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 31),
                List.of(),
                Optional.empty());

        assertThatThrownBy(() -> service.join(patient, request))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("waitlist.window-in-past");
    }

    @Test
    void acceptingTheOfferBooksTheHeldSlot() {
        UUID entryId = UUID.randomUUID();
        offeredEntry(entryId);

        UUID booked = service.accept(patient, entryId, Optional.of(HOLD));

        assertThat(booked).isEqualTo(HOLD);
        assertThat(sent).singleElement().isEqualTo(new AcceptOffer(entryId, Optional.of(HOLD), PATIENT_USER, NOW));
        assertThat(booking.confirmed).containsExactly(HOLD);
    }

    @Test
    void anotherPatientsEntryIsNotFound() {
        UUID entryId = UUID.randomUUID();
        offeredEntry(entryId);
        Actor stranger = new Actor(UUID.randomUUID(), Role.PATIENT, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> service.accept(stranger, entryId, Optional.empty()))
                .isInstanceOf(Rejection.NotFound.class)
                .hasMessage("waitlist.entry-not-found");
        assertThat(booking.confirmed).isEmpty();
    }

    @Test
    void staffOfTheBranchCanActForThePatientButNotStaffElsewhere() {
        UUID entryId = UUID.randomUUID();
        offeredEntry(entryId);

        assertThat(service.get(receptionist, entryId).entryId()).isEqualTo(entryId);
        assertThatThrownBy(() -> service.get(otherReceptionist, entryId))
                .isInstanceOf(Rejection.NotFound.class)
                .hasMessage("waitlist.entry-not-found");
        assertThatThrownBy(() -> service.decline(doctor, entryId, Optional.empty()))
                .isInstanceOf(AccessRefused.class)
                .hasMessageStartingWith("MANAGE_WAITLIST_ENTRY:");
    }
}
