package com.clinic.scheduling.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.queue.QueueCommand.AdmitTransferredTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.CallNext;
import com.clinic.scheduling.domain.queue.QueueCommand.FinishService;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowAppointmentCompleted;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowConsultationStarted;
import com.clinic.scheduling.domain.queue.QueueCommand.IssueWalkInTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.JoinBookedPatient;
import com.clinic.scheduling.domain.queue.QueueCommand.MarkTicketNoShow;
import com.clinic.scheduling.domain.queue.QueueCommand.PrioritiseTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.RecallTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.SkipTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.StartService;
import com.clinic.scheduling.domain.queue.QueueCommand.TransferTicket;
import com.clinic.scheduling.domain.queue.QueueEvent.BookedPatientJoined;
import com.clinic.scheduling.domain.queue.QueueEvent.QueueOpened;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceFinished;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceStarted;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketCalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketMarkedNoShow;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketPrioritised;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketRecalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketSkipped;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketTransferred;
import com.clinic.scheduling.domain.queue.QueueEvent.TransferredTicketAdmitted;
import com.clinic.scheduling.domain.queue.QueueEvent.WalkInTicketIssued;
import com.clinic.scheduling.domain.queue.QueueState.Open;
import com.clinic.scheduling.domain.queue.QueueState.Ticket;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DailyQueueDeciderTest {

    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    private static final UUID OTHER_DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d2");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final QueueKey KEY = new QueueKey(DOCTOR, BRANCH, LocalDate.parse("2026-06-01"));
    private static final QueueKey OTHER_KEY = KEY.forDoctor(OTHER_DOCTOR);
    private static final UUID QUEUE = UUID.fromString("00000000-0000-7000-8000-0000000000f1");
    private static final UUID OTHER_QUEUE = UUID.fromString("00000000-0000-7000-8000-0000000000f2");
    private static final UUID RECEPTION = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final UUID DOCTOR_USER = UUID.fromString("00000000-0000-7000-8000-0000000000e2");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    private static final UUID BOOKED_PATIENT = UUID.fromString("00000000-0000-7000-8000-0000000000a2");
    private static final UUID APPOINTMENT = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    private static final UUID T1 = UUID.fromString("00000000-0000-7000-8000-000000000101");
    private static final UUID T2 = UUID.fromString("00000000-0000-7000-8000-000000000102");
    private static final UUID T3 = UUID.fromString("00000000-0000-7000-8000-000000000103");
    private static final Instant OPENING = Instant.parse("2026-06-01T06:00:00Z");
    private static final Instant NINE = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Ciphertext REASON = new Ciphertext("c2VhbGVkIHJlYXNvbg==");
    private static final DailyQueueDecider DECIDER = new DailyQueueDecider();

    private final DeciderSpecification<QueueCommand, QueueEvent, QueueState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static final QueueOpened OPENED = new QueueOpened(QUEUE, KEY, OPENING);
    private static final TransferredTicket TRAVELLING = new TransferredTicket(
            T1, Optional.of(PATIENT), Optional.empty(), Priority.ELDERLY, Optional.of(REASON), NINE);

    private static WalkInTicketIssued walkIn(UUID ticketId, int number, Instant at) {
        return new WalkInTicketIssued(QUEUE, ticketId, number, Optional.of(PATIENT), RECEPTION, at);
    }

    private static BookedPatientJoined booked(UUID ticketId, int number, Instant start, Instant at) {
        return new BookedPatientJoined(
                QUEUE, ticketId, number, BOOKED_PATIENT, APPOINTMENT, start, start, false, RECEPTION, at);
    }

    private static TicketCalled called(UUID ticketId, int number, Instant at) {
        return new TicketCalled(QUEUE, ticketId, number, DOCTOR_USER, at);
    }

    private static ServiceStarted started(UUID ticketId, Instant at) {
        return new ServiceStarted(QUEUE, ticketId, Optional.empty(), Optional.of(DOCTOR_USER), at);
    }

    private static IssueWalkInTicket issue(UUID ticketId, Instant at) {
        return new IssueWalkInTicket(QUEUE, KEY, ticketId, Optional.of(PATIENT), RECEPTION, at);
    }

    private static JoinBookedPatient join(UUID ticketId, Instant start, Instant at) {
        return new JoinBookedPatient(QUEUE, KEY, ticketId, APPOINTMENT, BOOKED_PATIENT, start, GRACE, RECEPTION, at);
    }

    private static Ticket ticketAfter(QueueState state, UUID ticketId) {
        return ((Open) state).ticket(ticketId).orElseThrow();
    }

    // Joining: walk-ins, booked patients, transfers

    @Test
    void theFirstWalkInOpensTheDaysQueueWithTicketOne() {
        QueueState state = spec.when(issue(T1, OPENING))
                .then(OPENED, walkIn(T1, 1, OPENING))
                .state();

        assertThat(ticketAfter(state, T1).status()).isEqualTo(TicketStatus.WAITING);
    }

    @Test
    void walkInsAreNumberedInSequenceAndNumbersAreNeverReused() {
        spec.given(OPENED, walkIn(T1, 1, NINE)).when(issue(T2, NINE)).then(walkIn(T2, 2, NINE));
        spec.given(OPENED, walkIn(T1, 1, NINE), new TicketMarkedNoShow(QUEUE, T1, RECEPTION, NINE))
                .when(issue(T2, NINE))
                .then(walkIn(T2, 2, NINE));
    }

    @Test
    void anUnregisteredWalkInGetsOnlyATicket() {
        spec.given(OPENED)
                .when(new IssueWalkInTicket(QUEUE, KEY, T1, Optional.empty(), RECEPTION, NINE))
                .then(new WalkInTicketIssued(QUEUE, T1, 1, Optional.empty(), RECEPTION, NINE));
    }

    @Test
    void aTicketIdIsIssuedOnce() {
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(issue(T1, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.ticket-exists");
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new JoinBookedPatient(QUEUE, KEY, T1, APPOINTMENT, BOOKED_PATIENT, NINE, GRACE, RECEPTION, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.ticket-exists");
    }

    @Test
    void aQueueServesOneDoctorBranchAndDay() {
        spec.given(OPENED)
                .when(new IssueWalkInTicket(QUEUE, OTHER_KEY, T1, Optional.empty(), RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.key-mismatch");
        spec.given(OPENED)
                .when(new JoinBookedPatient(
                        QUEUE, OTHER_KEY, T1, APPOINTMENT, BOOKED_PATIENT, NINE, GRACE, RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.key-mismatch");
        spec.given(OPENED)
                .when(new AdmitTransferredTicket(QUEUE, OTHER_KEY, TRAVELLING, OTHER_QUEUE, RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.key-mismatch");
    }

    @Test
    void aBookedPatientOnTimeIsPlacedByTheirAppointmentAndOpensTheQueueIfFirst() {
        Instant start = NINE.plus(Duration.ofMinutes(30));
        Instant lastOnTime = start.plus(GRACE);
        spec.when(join(T1, start, NINE))
                .then(
                        new QueueOpened(QUEUE, KEY, NINE),
                        new BookedPatientJoined(
                                QUEUE, T1, 1, BOOKED_PATIENT, APPOINTMENT, start, start, false, RECEPTION, NINE));
        spec.given(OPENED)
                .when(join(T1, start, lastOnTime))
                .then(new BookedPatientJoined(
                        QUEUE, T1, 1, BOOKED_PATIENT, APPOINTMENT, start, start, false, RECEPTION, lastOnTime));
    }

    @Test
    void aBookedPatientPastTheGraceQueuesLikeAWalkInArrivingNow() {
        Instant start = NINE;
        Instant late = NINE.plus(GRACE).plusSeconds(1);
        QueueState state = spec.given(OPENED)
                .when(join(T1, start, late))
                .then(new BookedPatientJoined(
                        QUEUE, T1, 1, BOOKED_PATIENT, APPOINTMENT, start, late, true, RECEPTION, late))
                .state();

        assertThat(ticketAfter(state, T1).effectiveAt()).isEqualTo(late);
    }

    @Test
    void aRedeliveredCheckInChangesNothingEvenAfterThePatientWasSeen() {
        spec.given(OPENED, booked(T1, 1, NINE, NINE)).when(join(T2, NINE, NINE)).thenNothing();
        spec.given(
                        OPENED,
                        booked(T1, 1, NINE, NINE),
                        new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.of(DOCTOR_USER), NINE),
                        new ServiceFinished(
                                QUEUE,
                                T1,
                                Optional.of(APPOINTMENT),
                                NINE,
                                Duration.ofMinutes(12),
                                Optional.of(DOCTOR_USER),
                                NINE.plus(Duration.ofMinutes(12))))
                .when(join(T2, NINE, NINE.plus(Duration.ofHours(1))))
                .thenNothing();
    }

    @Test
    void theGraceIsNeverNegative() {
        spec.when(new JoinBookedPatient(
                        QUEUE, KEY, T1, APPOINTMENT, BOOKED_PATIENT, NINE, Duration.ofMinutes(-1), RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.grace-negative");
    }

    @Test
    void theOtherQueueAdmitsATransferUnderItsOwnNextNumberKeepingPriorityAndPlace() {
        Instant at = NINE.plusSeconds(300);
        QueueState state = spec.when(
                        new AdmitTransferredTicket(OTHER_QUEUE, OTHER_KEY, TRAVELLING, QUEUE, RECEPTION, at))
                .then(
                        new QueueOpened(OTHER_QUEUE, OTHER_KEY, at),
                        new TransferredTicketAdmitted(OTHER_QUEUE, TRAVELLING, 1, QUEUE, RECEPTION, at))
                .state();

        Ticket admitted = ticketAfter(state, T1);
        assertThat(admitted.priority()).isEqualTo(Priority.ELDERLY);
        assertThat(admitted.effectiveAt()).isEqualTo(NINE);
    }

    @Test
    void admittingATicketAlreadyHereChangesNothing() {
        spec.given(
                        new QueueOpened(OTHER_QUEUE, OTHER_KEY, NINE),
                        new TransferredTicketAdmitted(OTHER_QUEUE, TRAVELLING, 1, QUEUE, RECEPTION, NINE))
                .when(new AdmitTransferredTicket(OTHER_QUEUE, OTHER_KEY, TRAVELLING, QUEUE, RECEPTION, NINE))
                .thenNothing();
    }

    @Test
    void aQueueCannotAdmitFromItself() {
        spec.when(new AdmitTransferredTicket(QUEUE, KEY, TRAVELLING, QUEUE, RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.transfer-to-same-queue");
    }

    // Commands that need an open queue and a known ticket

    @Test
    void aQueueThatNeverOpenedIsNotFound() {
        for (QueueCommand command : new QueueCommand[] {
            new PrioritiseTicket(QUEUE, T1, Priority.NORMAL, Optional.empty(), RECEPTION, NINE),
            new CallNext(QUEUE, DOCTOR_USER, NINE),
            new RecallTicket(QUEUE, T1, DOCTOR_USER, NINE),
            new SkipTicket(QUEUE, T1, RECEPTION, NINE),
            new MarkTicketNoShow(QUEUE, T1, RECEPTION, NINE),
            new TransferTicket(QUEUE, T1, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE),
            new StartService(QUEUE, T1, DOCTOR_USER, NINE),
            new FinishService(QUEUE, T1, DOCTOR_USER, NINE)
        }) {
            spec.when(command).thenRejects(Rejection.NotFound.class, "queue.not-found");
        }
    }

    @Test
    void aTicketThatLeftOrNeverCameCannotBeActedOn() {
        for (QueueCommand command : new QueueCommand[] {
            new PrioritiseTicket(QUEUE, T1, Priority.NORMAL, Optional.empty(), RECEPTION, NINE),
            new RecallTicket(QUEUE, T1, DOCTOR_USER, NINE),
            new SkipTicket(QUEUE, T1, RECEPTION, NINE),
            new MarkTicketNoShow(QUEUE, T1, RECEPTION, NINE),
            new TransferTicket(QUEUE, T1, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE),
            new StartService(QUEUE, T1, DOCTOR_USER, NINE),
            new FinishService(QUEUE, T1, DOCTOR_USER, NINE)
        }) {
            spec.given(OPENED, walkIn(T1, 1, NINE), new TicketMarkedNoShow(QUEUE, T1, RECEPTION, NINE))
                    .when(command)
                    .thenRejects(Rejection.NotFound.class, "queue.ticket-not-found");
        }
    }

    @Test
    void aPatientWithTheDoctorCannotBeReprioritisedSkippedMarkedNoShowOrTransferred() {
        for (QueueCommand command : new QueueCommand[] {
            new PrioritiseTicket(QUEUE, T1, Priority.EMERGENCY, Optional.of(REASON), RECEPTION, NINE),
            new SkipTicket(QUEUE, T1, RECEPTION, NINE),
            new MarkTicketNoShow(QUEUE, T1, RECEPTION, NINE),
            new TransferTicket(QUEUE, T1, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE)
        }) {
            spec.given(OPENED, walkIn(T1, 1, NINE), called(T1, 1, NINE), started(T1, NINE))
                    .when(command)
                    .thenRejects(Rejection.Conflict.class, "queue.ticket-in-service");
        }
    }

    // Priority

    @Test
    void aTicketMovesUpWithASealedReason() {
        QueueState state = spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.ELDERLY, Optional.of(REASON), RECEPTION, NINE))
                .then(new TicketPrioritised(QUEUE, T1, Priority.ELDERLY, Optional.of(REASON), RECEPTION, NINE))
                .state();

        assertThat(ticketAfter(state, T1).priority()).isEqualTo(Priority.ELDERLY);
    }

    @Test
    void movingUpNeedsAReason() {
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.EMERGENCY, Optional.empty(), RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.priority-reason-required");
    }

    @Test
    void backToNormalDropsTheReason() {
        spec.given(
                        OPENED,
                        walkIn(T1, 1, NINE),
                        new TicketPrioritised(QUEUE, T1, Priority.ELDERLY, Optional.of(REASON), RECEPTION, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.NORMAL, Optional.of(REASON), RECEPTION, NINE))
                .then(new TicketPrioritised(QUEUE, T1, Priority.NORMAL, Optional.empty(), RECEPTION, NINE));
    }

    @Test
    void theSamePriorityAndReasonAgainChangesNothing() {
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.NORMAL, Optional.of(REASON), RECEPTION, NINE))
                .thenNothing();
        spec.given(
                        OPENED,
                        walkIn(T1, 1, NINE),
                        new TicketPrioritised(QUEUE, T1, Priority.ELDERLY, Optional.of(REASON), RECEPTION, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.ELDERLY, Optional.of(REASON), RECEPTION, NINE))
                .thenNothing();
    }

    // Calling

    @Test
    void theHeadOfTheQueueIsCalledByPriorityThenTimeThenNumber() {
        Instant later = NINE.plusSeconds(300);
        spec.given(OPENED, walkIn(T1, 1, NINE), walkIn(T2, 2, NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, later))
                .then(called(T1, 1, later));
        spec.given(
                        OPENED,
                        walkIn(T1, 1, NINE),
                        walkIn(T2, 2, later),
                        new TicketPrioritised(QUEUE, T2, Priority.DISABLED, Optional.of(REASON), RECEPTION, later))
                .when(new CallNext(QUEUE, DOCTOR_USER, later))
                .then(called(T2, 2, later));
        spec.given(OPENED, walkIn(T1, 1, NINE), booked(T2, 2, NINE.minusSeconds(600), NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, later))
                .then(called(T2, 2, later));
    }

    @Test
    void nobodyElseIsCalledWhileACallIsPending() {
        Rejection rejection = spec.given(OPENED, walkIn(T1, 1, NINE), walkIn(T2, 2, NINE), called(T1, 1, NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.call-pending");

        assertThat(rejection.arguments()).containsExactly(1);
    }

    @Test
    void nobodyIsCalledFromAnEmptyQueue() {
        spec.given(OPENED)
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.nobody-waiting");
        spec.given(OPENED, walkIn(T1, 1, NINE), called(T1, 1, NINE), started(T1, NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.nobody-waiting");
    }

    @Test
    void aCalledPatientIsRecalledAndTheRecallsAreCounted() {
        spec.given(OPENED, walkIn(T1, 1, NINE), called(T1, 1, NINE))
                .when(new RecallTicket(QUEUE, T1, DOCTOR_USER, NINE))
                .then(new TicketRecalled(QUEUE, T1, 1, 1, DOCTOR_USER, NINE));
        spec.given(
                        OPENED,
                        walkIn(T1, 1, NINE),
                        called(T1, 1, NINE),
                        new TicketRecalled(QUEUE, T1, 1, 1, DOCTOR_USER, NINE))
                .when(new RecallTicket(QUEUE, T1, DOCTOR_USER, NINE))
                .then(new TicketRecalled(QUEUE, T1, 1, 2, DOCTOR_USER, NINE));
    }

    @Test
    void onlyTheCalledPatientIsRecalled() {
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new RecallTicket(QUEUE, T1, DOCTOR_USER, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.ticket-not-called");
    }

    // Skipping, no-shows, transfers

    @Test
    void aSkippedPatientGoesToTheBackOfTheirGroupAsIfArrivingNow() {
        Instant later = NINE.plusSeconds(600);
        QueueState state = spec.given(OPENED, walkIn(T1, 1, NINE), walkIn(T2, 2, NINE), called(T1, 1, NINE))
                .when(new SkipTicket(QUEUE, T1, RECEPTION, later))
                .then(new TicketSkipped(QUEUE, T1, later, 1, RECEPTION, later))
                .state();

        assertThat(ticketAfter(state, T1).status()).isEqualTo(TicketStatus.WAITING);
        assertThat(((Open) state).waitingInOrder()).extracting(Ticket::ticketId).containsExactly(T2, T1);
    }

    @Test
    void skippingNeverMovesABookedPatientBeforeTheirAppointmentTime() {
        Instant start = NINE.plus(Duration.ofHours(1));
        spec.given(OPENED, booked(T1, 1, start, NINE))
                .when(new SkipTicket(QUEUE, T1, RECEPTION, NINE))
                .then(new TicketSkipped(QUEUE, T1, start, 1, RECEPTION, NINE));
    }

    @Test
    void aNoShowLeavesTheQueue() {
        QueueState state = spec.given(OPENED, walkIn(T1, 1, NINE), called(T1, 1, NINE))
                .when(new MarkTicketNoShow(QUEUE, T1, RECEPTION, NINE))
                .then(new TicketMarkedNoShow(QUEUE, T1, RECEPTION, NINE))
                .state();

        assertThat(((Open) state).ticket(T1)).isEmpty();
    }

    @Test
    void aTransferLeavesThisQueueTakingPriorityAndPlaceInTimeAlong() {
        spec.given(
                        OPENED,
                        walkIn(T1, 1, NINE),
                        new TicketPrioritised(QUEUE, T1, Priority.ELDERLY, Optional.of(REASON), RECEPTION, NINE))
                .when(new TransferTicket(QUEUE, T1, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE))
                .then(new TicketTransferred(QUEUE, TRAVELLING, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE));
    }

    @Test
    void aTransferGoesToAnotherDoctorsQueue() {
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new TransferTicket(QUEUE, T1, DOCTOR, OTHER_QUEUE, RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.transfer-to-same-queue");
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new TransferTicket(QUEUE, T1, OTHER_DOCTOR, QUEUE, RECEPTION, NINE))
                .thenRejects(Rejection.RuleViolated.class, "queue.transfer-to-same-queue");
    }

    // Service

    @Test
    void theDoctorStartsWithAWaitingOrCalledPatient() {
        spec.given(OPENED, walkIn(T1, 1, NINE), called(T1, 1, NINE))
                .when(new StartService(QUEUE, T1, DOCTOR_USER, NINE))
                .then(started(T1, NINE));
        QueueState state = spec.given(OPENED, booked(T1, 1, NINE, NINE))
                .when(new StartService(QUEUE, T1, DOCTOR_USER, NINE))
                .then(new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.of(DOCTOR_USER), NINE))
                .state();

        assertThat(ticketAfter(state, T1).serviceStartedAt()).contains(NINE);
    }

    @Test
    void theDoctorSeesOnePatientAtATime() {
        spec.given(OPENED, walkIn(T1, 1, NINE), walkIn(T2, 2, NINE), started(T1, NINE))
                .when(new StartService(QUEUE, T2, DOCTOR_USER, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.doctor-busy");
        spec.given(OPENED, walkIn(T1, 1, NINE), started(T1, NINE))
                .when(new StartService(QUEUE, T1, DOCTOR_USER, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.ticket-in-service");
    }

    @Test
    void finishingRecordsTheRealConsultationLengthAndTheTicketLeaves() {
        Instant out = NINE.plus(Duration.ofMinutes(12));
        QueueState state = spec.given(OPENED, walkIn(T1, 1, NINE), started(T1, NINE))
                .when(new FinishService(QUEUE, T1, DOCTOR_USER, out))
                .then(new ServiceFinished(
                        QUEUE, T1, Optional.empty(), NINE, Duration.ofMinutes(12), Optional.of(DOCTOR_USER), out))
                .state();

        assertThat(((Open) state).tickets()).isEmpty();
    }

    @Test
    void onlyAPatientInServiceIsFinishedAndNeverBeforeTheyStarted() {
        spec.given(OPENED, walkIn(T1, 1, NINE), called(T1, 1, NINE))
                .when(new FinishService(QUEUE, T1, DOCTOR_USER, NINE))
                .thenRejects(Rejection.Conflict.class, "queue.ticket-not-in-service");
        spec.given(OPENED, walkIn(T1, 1, NINE), started(T1, NINE))
                .when(new FinishService(QUEUE, T1, DOCTOR_USER, NINE.minusSeconds(1)))
                .thenRejects(Rejection.RuleViolated.class, "queue.finish-before-start");
    }

    // Following the appointment's own lifecycle

    @Test
    void aConsultationStartedOnTheAppointmentStartsTheQueuesTicket() {
        spec.given(OPENED, booked(T1, 1, NINE, NINE))
                .when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE))
                .then(new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.empty(), NINE));
    }

    @Test
    void followingTheAppointmentNeverRefusesEvenWhileAnotherPatientIsWithTheDoctor() {
        spec.given(OPENED, walkIn(T2, 1, NINE), started(T2, NINE), booked(T1, 2, NINE, NINE))
                .when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE))
                .then(new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.empty(), NINE));
    }

    @Test
    void followingTheAppointmentIgnoresWhatTheQueueDoesNotKnowOrAlreadyShows() {
        spec.when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE)).thenNothing();
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE))
                .thenNothing();
        spec.given(
                        OPENED,
                        booked(T1, 1, NINE, NINE),
                        new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.empty(), NINE))
                .when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE))
                .thenNothing();
        spec.when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE, NINE))
                .thenNothing();
        spec.given(OPENED, walkIn(T1, 1, NINE))
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE, NINE))
                .thenNothing();
    }

    @Test
    void aCompletedAppointmentFinishesItsTicketFromWhenTheQueueSawItStart() {
        Instant startedAt = NINE.plus(Duration.ofMinutes(3));
        Instant out = NINE.plus(Duration.ofMinutes(20));
        spec.given(
                        OPENED,
                        booked(T1, 1, NINE, NINE),
                        new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.empty(), startedAt))
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE, out))
                .then(new ServiceFinished(
                        QUEUE, T1, Optional.of(APPOINTMENT), startedAt, Duration.ofMinutes(17), Optional.empty(), out));
    }

    @Test
    void aCompletedAppointmentTheQueueNeverSawStartUsesTheConsultationsOwnStart() {
        Instant consultationStart = NINE.plus(Duration.ofMinutes(5));
        Instant out = NINE.plus(Duration.ofMinutes(25));
        spec.given(OPENED, booked(T1, 1, NINE, NINE))
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, consultationStart, out))
                .then(new ServiceFinished(
                        QUEUE,
                        T1,
                        Optional.of(APPOINTMENT),
                        consultationStart,
                        Duration.ofMinutes(20),
                        Optional.empty(),
                        out));
    }

    @Test
    void aCompletionReportedBeforeItsStartCountsAsNoTimeAtAll() {
        spec.given(OPENED, booked(T1, 1, NINE, NINE))
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE, NINE.minusSeconds(30)))
                .then(new ServiceFinished(
                        QUEUE,
                        T1,
                        Optional.of(APPOINTMENT),
                        NINE,
                        Duration.ZERO,
                        Optional.empty(),
                        NINE.minusSeconds(30)));
    }

    @Test
    void aThirdWalkInAfterATransferredAdmissionTakesTheNextNumber() {
        spec.given(
                        OPENED,
                        walkIn(T2, 1, NINE),
                        new TransferredTicketAdmitted(QUEUE, TRAVELLING, 2, OTHER_QUEUE, RECEPTION, NINE))
                .when(issue(T3, NINE))
                .then(walkIn(T3, 3, NINE));
    }
}
