package com.clinic.scheduling.application.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes.TicketRoute;
import com.clinic.scheduling.domain.queue.Priority;
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
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.domain.queue.TransferredTicket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyQueueAggregateTest {

    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    private static final UUID OTHER_DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d2");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final QueueKey KEY = new QueueKey(DOCTOR, BRANCH, LocalDate.parse("2026-06-01"));
    private static final QueueKey OTHER_KEY = KEY.forDoctor(OTHER_DOCTOR);
    private static final UUID QUEUE = QueueIds.of(KEY);
    private static final UUID OTHER_QUEUE = QueueIds.of(OTHER_KEY);
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

    private AggregateTestFixture<DailyQueueAggregate> fixture;
    private InMemoryTicketRoutes routes;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DailyQueueAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
        routes = new InMemoryTicketRoutes();
        fixture.registerInjectableResource(routes);
    }

    private static QueueOpened opened() {
        return new QueueOpened(QUEUE, KEY, OPENING);
    }

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

    @Test
    void theFirstWalkInOpensTheDaysQueueWithTicketOneAndRoutesIt() {
        fixture.givenNoPriorActivity()
                .when(new IssueWalkInTicket(QUEUE, KEY, T1, Optional.of(PATIENT), RECEPTION, OPENING))
                .expectEvents(opened(), walkIn(T1, 1, OPENING))
                .expectResultMessagePayload(new QueueTicketRef(T1, 1));

        assertThat(routes.find(T1))
                .contains(new TicketRoute(T1, QUEUE, KEY, 1, Optional.of(PATIENT), Optional.empty()));
    }

    @Test
    void walkInsAreNumberedInSequence() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new IssueWalkInTicket(QUEUE, KEY, T2, Optional.of(PATIENT), RECEPTION, NINE))
                .expectEvents(walkIn(T2, 2, NINE))
                .expectResultMessagePayload(new QueueTicketRef(T2, 2));
    }

    @Test
    void anUnregisteredWalkInGetsOnlyATicketWithNothingAboutThePerson() {
        fixture.given(opened())
                .when(new IssueWalkInTicket(QUEUE, KEY, T1, Optional.empty(), RECEPTION, NINE))
                .expectEvents(new WalkInTicketIssued(QUEUE, T1, 1, Optional.empty(), RECEPTION, NINE));
    }

    @Test
    void aTicketIdCannotBeIssuedTwice() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new IssueWalkInTicket(QUEUE, KEY, T1, Optional.empty(), RECEPTION, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-exists");
    }

    @Test
    void aCommandForAnotherDayCannotReachThisQueue() {
        QueueKey tomorrow = new QueueKey(DOCTOR, BRANCH, KEY.date().plusDays(1));
        fixture.given(opened())
                .when(new IssueWalkInTicket(QUEUE, tomorrow, T1, Optional.empty(), RECEPTION, NINE))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("queue.key-mismatch");
    }

    private static JoinBookedPatient join(UUID ticketId, Instant start, Instant at) {
        return new JoinBookedPatient(QUEUE, KEY, ticketId, APPOINTMENT, BOOKED_PATIENT, start, GRACE, RECEPTION, at);
    }

    @Test
    void anEarlyPatientIsPlacedByTheirAppointmentTime() {
        Instant arrival = NINE.minus(Duration.ofMinutes(20));
        fixture.givenNoPriorActivity()
                .when(join(T1, NINE, arrival))
                .expectEvents(new QueueOpened(QUEUE, KEY, arrival), booked(T1, 1, NINE, arrival))
                .expectResultMessagePayload(new QueueTicketRef(T1, 1));

        assertThat(routes.findByAppointment(APPOINTMENT))
                .map(TicketRoute::ticketId)
                .contains(T1);
    }

    @Test
    void aPatientLateWithinTheGraceWindowKeepsTheirPlace() {
        Instant arrival = NINE.plus(GRACE);
        fixture.given(opened()).when(join(T1, NINE, arrival)).expectEvents(booked(T1, 1, NINE, arrival));
    }

    @Test
    void aPatientLateBeyondTheGraceWindowQueuesLikeAWalkInArrivingNow() {
        Instant arrival = NINE.plus(GRACE).plusSeconds(1);
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(join(T2, NINE, arrival))
                .expectEvents(new BookedPatientJoined(
                        QUEUE, T2, 2, BOOKED_PATIENT, APPOINTMENT, NINE, arrival, true, RECEPTION, arrival));
    }

    @Test
    void aRedeliveredCheckInChangesNothingAndAnswersTheSameTicket() {
        fixture.given(opened(), booked(T1, 1, NINE, NINE))
                .when(join(T2, NINE, NINE.plusSeconds(30)))
                .expectNoEvents()
                .expectResultMessagePayload(new QueueTicketRef(T1, 1));
    }

    @Test
    void aPatientAlreadySeenCannotBeQueuedAgainByTheSameCheckIn() {
        fixture.given(
                        opened(),
                        booked(T1, 1, NINE, NINE),
                        new ServiceFinished(
                                QUEUE,
                                T1,
                                Optional.of(APPOINTMENT),
                                NINE,
                                Duration.ofMinutes(9),
                                Optional.of(DOCTOR_USER),
                                NINE.plus(Duration.ofMinutes(9))))
                .when(join(T2, NINE, NINE.plus(Duration.ofMinutes(30))))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void aNegativeGraceWindowIsAConfigurationMistakeNotAPlace() {
        fixture.givenNoPriorActivity()
                .when(new JoinBookedPatient(
                        QUEUE, KEY, T1, APPOINTMENT, BOOKED_PATIENT, NINE, Duration.ofMinutes(-1), RECEPTION, NINE))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("queue.grace-negative");
    }

    @Test
    void anEmergencyWithASealedReasonMovesUp() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.EMERGENCY, Optional.of(REASON), RECEPTION, NINE))
                .expectEvents(
                        new TicketPrioritised(QUEUE, T1, Priority.EMERGENCY, Optional.of(REASON), RECEPTION, NINE));
    }

    @Test
    void aPriorityAboveNormalNeedsAReason() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.ELDERLY, Optional.empty(), RECEPTION, NINE))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("queue.priority-reason-required");
    }

    @Test
    void backToNormalDropsTheReason() {
        fixture.given(
                        opened(),
                        walkIn(T1, 1, NINE),
                        new TicketPrioritised(QUEUE, T1, Priority.DISABLED, Optional.of(REASON), RECEPTION, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.NORMAL, Optional.of(REASON), RECEPTION, NINE))
                .expectEvents(new TicketPrioritised(QUEUE, T1, Priority.NORMAL, Optional.empty(), RECEPTION, NINE));
    }

    @Test
    void theSamePriorityWithTheSameReasonAgainChangesNothing() {
        fixture.given(
                        opened(),
                        walkIn(T1, 1, NINE),
                        new TicketPrioritised(QUEUE, T1, Priority.DISABLED, Optional.of(REASON), RECEPTION, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.DISABLED, Optional.of(REASON), RECEPTION, NINE))
                .expectNoEvents();
    }

    @Test
    void aPatientWithTheDoctorCannotBePrioritised() {
        fixture.given(opened(), walkIn(T1, 1, NINE), called(T1, 1, NINE), started(T1, NINE))
                .when(new PrioritiseTicket(QUEUE, T1, Priority.EMERGENCY, Optional.of(REASON), RECEPTION, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-in-service");
    }

    @Test
    void anUnknownTicketIsNotFound() {
        fixture.given(opened())
                .when(new PrioritiseTicket(QUEUE, T1, Priority.EMERGENCY, Optional.of(REASON), RECEPTION, NINE))
                .expectException(Rejection.NotFound.class)
                .expectExceptionMessage("queue.ticket-not-found");
    }

    @Test
    void callNextTakesPriorityFirstThenTheEarlierTimeThenTheLowerNumber() {
        fixture.given(
                        opened(),
                        walkIn(T1, 1, NINE),
                        booked(T2, 2, NINE.minus(Duration.ofMinutes(5)), NINE),
                        walkIn(T3, 3, NINE.plus(Duration.ofMinutes(30))),
                        new TicketPrioritised(QUEUE, T3, Priority.EMERGENCY, Optional.of(REASON), RECEPTION, NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE.plus(Duration.ofMinutes(31))))
                .expectEvents(called(T3, 3, NINE.plus(Duration.ofMinutes(31))))
                .expectResultMessagePayload(new QueueTicketRef(T3, 3));
    }

    @Test
    void withoutPrioritiesTheBookedTimeBeforeTheWalkInWins() {
        fixture.given(opened(), walkIn(T1, 1, NINE), booked(T2, 2, NINE.minus(Duration.ofMinutes(5)), NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE))
                .expectEvents(called(T2, 2, NINE));
    }

    @Test
    void theDoctorMayCallTheNextPatientWhileStillWithTheLastOne() {
        fixture.given(opened(), walkIn(T1, 1, NINE), walkIn(T2, 2, NINE), called(T1, 1, NINE), started(T1, NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE))
                .expectEvents(called(T2, 2, NINE));
    }

    @Test
    void nobodyNewIsCalledWhileTheCalledPatientHasNotComeIn() {
        fixture.given(opened(), walkIn(T1, 1, NINE), walkIn(T2, 2, NINE), called(T1, 1, NINE))
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.call-pending");
    }

    @Test
    void anEmptyQueueHasNobodyToCall() {
        fixture.given(opened())
                .when(new CallNext(QUEUE, DOCTOR_USER, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.nobody-waiting");
    }

    @Test
    void aCalledPatientCanBeCalledAgainAndTheRecallsAreCounted() {
        fixture.given(
                        opened(),
                        walkIn(T1, 1, NINE),
                        called(T1, 1, NINE),
                        new TicketRecalled(QUEUE, T1, 1, 1, DOCTOR_USER, NINE.plusSeconds(60)))
                .when(new RecallTicket(QUEUE, T1, DOCTOR_USER, NINE.plusSeconds(120)))
                .expectEvents(new TicketRecalled(QUEUE, T1, 1, 2, DOCTOR_USER, NINE.plusSeconds(120)));
    }

    @Test
    void onlyACalledPatientCanBeRecalled() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new RecallTicket(QUEUE, T1, DOCTOR_USER, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-not-called");
    }

    @Test
    void aSkippedPatientGoesBackAsIfArrivingNow() {
        Instant later = NINE.plus(Duration.ofMinutes(15));
        fixture.given(opened(), walkIn(T1, 1, NINE), walkIn(T2, 2, NINE), called(T1, 1, NINE))
                .when(new SkipTicket(QUEUE, T1, DOCTOR_USER, later))
                .expectEvents(new TicketSkipped(QUEUE, T1, later, 1, DOCTOR_USER, later));
    }

    @Test
    void afterASkipTheNextPatientIsCalled() {
        Instant later = NINE.plus(Duration.ofMinutes(15));
        fixture.given(
                        opened(),
                        walkIn(T1, 1, NINE),
                        walkIn(T2, 2, NINE.plusSeconds(60)),
                        called(T1, 1, NINE),
                        new TicketSkipped(QUEUE, T1, later, 1, DOCTOR_USER, later))
                .when(new CallNext(QUEUE, DOCTOR_USER, later))
                .expectEvents(called(T2, 2, later));
    }

    @Test
    void skippingNeverMovesABookedPatientBeforeTheirAppointmentTime() {
        Instant start = NINE.plus(Duration.ofHours(1));
        fixture.given(opened(), booked(T1, 1, start, NINE))
                .when(new SkipTicket(QUEUE, T1, RECEPTION, NINE))
                .expectEvents(new TicketSkipped(QUEUE, T1, start, 1, RECEPTION, NINE));
    }

    @Test
    void aPatientWithTheDoctorCannotBeSkipped() {
        fixture.given(opened(), walkIn(T1, 1, NINE), called(T1, 1, NINE), started(T1, NINE))
                .when(new SkipTicket(QUEUE, T1, DOCTOR_USER, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-in-service");
    }

    @Test
    void aNoShowLeavesTheQueue() {
        fixture.given(opened(), walkIn(T1, 1, NINE), called(T1, 1, NINE))
                .when(new MarkTicketNoShow(QUEUE, T1, RECEPTION, NINE))
                .expectEvents(new TicketMarkedNoShow(QUEUE, T1, RECEPTION, NINE));
    }

    @Test
    void aPatientWithTheDoctorIsNoNoShow() {
        fixture.given(opened(), walkIn(T1, 1, NINE), called(T1, 1, NINE), started(T1, NINE))
                .when(new MarkTicketNoShow(QUEUE, T1, RECEPTION, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-in-service");
    }

    @Test
    void aTicketThatLeftCannotBeActedOn() {
        fixture.given(opened(), walkIn(T1, 1, NINE), new TicketMarkedNoShow(QUEUE, T1, RECEPTION, NINE))
                .when(new SkipTicket(QUEUE, T1, RECEPTION, NINE))
                .expectException(Rejection.NotFound.class)
                .expectExceptionMessage("queue.ticket-not-found");
    }

    private static final TransferredTicket TRAVELLING = new TransferredTicket(
            T1, Optional.of(PATIENT), Optional.empty(), Priority.ELDERLY, Optional.of(REASON), NINE);

    @Test
    void aTransferLeavesThisQueueTakingPriorityAndPlaceInTimeAlong() {
        fixture.given(
                        opened(),
                        walkIn(T1, 1, NINE),
                        new TicketPrioritised(QUEUE, T1, Priority.ELDERLY, Optional.of(REASON), RECEPTION, NINE))
                .when(new TransferTicket(QUEUE, T1, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE))
                .expectEvents(new TicketTransferred(QUEUE, TRAVELLING, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE))
                .expectResultMessagePayload(TRAVELLING);
    }

    @Test
    void aTransferToTheSameDoctorIsRefused() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new TransferTicket(QUEUE, T1, DOCTOR, QUEUE, RECEPTION, NINE))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("queue.transfer-to-same-queue");
    }

    @Test
    void aPatientWithTheDoctorCannotBeTransferred() {
        fixture.given(opened(), walkIn(T1, 1, NINE), called(T1, 1, NINE), started(T1, NINE))
                .when(new TransferTicket(QUEUE, T1, OTHER_DOCTOR, OTHER_QUEUE, RECEPTION, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-in-service");
    }

    @Test
    void theOtherQueueAdmitsTheTicketUnderItsOwnNextNumberAndRoutesItThere() {
        Instant at = NINE.plusSeconds(300);
        fixture.givenNoPriorActivity()
                .when(new AdmitTransferredTicket(OTHER_QUEUE, OTHER_KEY, TRAVELLING, QUEUE, RECEPTION, at))
                .expectEvents(
                        new QueueOpened(OTHER_QUEUE, OTHER_KEY, at),
                        new TransferredTicketAdmitted(OTHER_QUEUE, TRAVELLING, 1, QUEUE, RECEPTION, at))
                .expectResultMessagePayload(new QueueTicketRef(T1, 1));

        assertThat(routes.find(T1)).map(TicketRoute::queueId).contains(OTHER_QUEUE);
    }

    @Test
    void admittingATicketAlreadyHereChangesNothing() {
        fixture.given(
                        new QueueOpened(OTHER_QUEUE, OTHER_KEY, NINE),
                        new TransferredTicketAdmitted(OTHER_QUEUE, TRAVELLING, 1, QUEUE, RECEPTION, NINE))
                .when(new AdmitTransferredTicket(OTHER_QUEUE, OTHER_KEY, TRAVELLING, QUEUE, RECEPTION, NINE))
                .expectNoEvents();
    }

    @Test
    void aQueueCannotAdmitFromItself() {
        fixture.givenNoPriorActivity()
                .when(new AdmitTransferredTicket(QUEUE, KEY, TRAVELLING, QUEUE, RECEPTION, NINE))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("queue.transfer-to-same-queue");
    }

    @Test
    void theCalledPatientsConsultationStarts() {
        fixture.given(opened(), walkIn(T1, 1, NINE), called(T1, 1, NINE))
                .when(new StartService(QUEUE, T1, DOCTOR_USER, NINE.plusSeconds(90)))
                .expectEvents(started(T1, NINE.plusSeconds(90)));
    }

    @Test
    void aBookedPatientsConsultationCarriesTheirAppointment() {
        fixture.given(opened(), booked(T1, 1, NINE, NINE))
                .when(new StartService(QUEUE, T1, DOCTOR_USER, NINE))
                .expectEvents(new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.of(DOCTOR_USER), NINE));
    }

    @Test
    void theDoctorSeesOnePatientAtATime() {
        fixture.given(opened(), walkIn(T1, 1, NINE), walkIn(T2, 2, NINE), started(T1, NINE))
                .when(new StartService(QUEUE, T2, DOCTOR_USER, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.doctor-busy");
    }

    @Test
    void aConsultationCannotStartTwice() {
        fixture.given(opened(), walkIn(T1, 1, NINE), started(T1, NINE))
                .when(new StartService(QUEUE, T1, DOCTOR_USER, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-in-service");
    }

    @Test
    void finishingRecordsTheRealDurationAndTheTicketLeaves() {
        Instant end = NINE.plus(Duration.ofMinutes(12));
        fixture.given(opened(), walkIn(T1, 1, NINE), called(T1, 1, NINE), started(T1, NINE))
                .when(new FinishService(QUEUE, T1, DOCTOR_USER, end))
                .expectEvents(new ServiceFinished(
                        QUEUE, T1, Optional.empty(), NINE, Duration.ofMinutes(12), Optional.of(DOCTOR_USER), end));
    }

    @Test
    void onlyAConsultationInProgressCanFinish() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new FinishService(QUEUE, T1, DOCTOR_USER, NINE))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("queue.ticket-not-in-service");
    }

    @Test
    void aConsultationCannotEndBeforeItBegan() {
        fixture.given(opened(), walkIn(T1, 1, NINE), started(T1, NINE))
                .when(new FinishService(QUEUE, T1, DOCTOR_USER, NINE.minusSeconds(1)))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("queue.finish-before-start");
    }

    @Test
    void aConsultationStartedOnTheAppointmentStartsTheTicket() {
        fixture.given(opened(), booked(T1, 1, NINE, NINE))
                .when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE.plusSeconds(60)))
                .expectEvents(new ServiceStarted(
                        QUEUE, T1, Optional.of(APPOINTMENT), Optional.empty(), NINE.plusSeconds(60)));
    }

    @Test
    void aStartTheQueueAlreadyShowsChangesNothing() {
        fixture.given(
                        opened(),
                        booked(T1, 1, NINE, NINE),
                        new ServiceStarted(QUEUE, T1, Optional.of(APPOINTMENT), Optional.of(DOCTOR_USER), NINE))
                .when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void anAppointmentTheQueueDoesNotHoldIsIgnored() {
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new FollowConsultationStarted(QUEUE, APPOINTMENT, NINE))
                .expectNoEvents();
        fixture.given(opened(), walkIn(T1, 1, NINE))
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE, NINE.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void aCompletedAppointmentFinishesTheTicketFromWhenTheQueueSawItStart() {
        Instant end = NINE.plus(Duration.ofMinutes(20));
        fixture.given(
                        opened(),
                        booked(T1, 1, NINE, NINE),
                        new ServiceStarted(
                                QUEUE,
                                T1,
                                Optional.of(APPOINTMENT),
                                Optional.of(DOCTOR_USER),
                                NINE.plus(Duration.ofMinutes(2))))
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE, end))
                .expectEvents(new ServiceFinished(
                        QUEUE,
                        T1,
                        Optional.of(APPOINTMENT),
                        NINE.plus(Duration.ofMinutes(2)),
                        Duration.ofMinutes(18),
                        Optional.empty(),
                        end));
    }

    @Test
    void aCompletionTheQueueNeverSawStartUsesTheAppointmentsStart() {
        Instant end = NINE.plus(Duration.ofMinutes(20));
        fixture.given(opened(), booked(T1, 1, NINE, NINE))
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE.plus(Duration.ofMinutes(5)), end))
                .expectEvents(new ServiceFinished(
                        QUEUE,
                        T1,
                        Optional.of(APPOINTMENT),
                        NINE.plus(Duration.ofMinutes(5)),
                        Duration.ofMinutes(15),
                        Optional.empty(),
                        end));
    }

    @Test
    void followingAQueueThatNeverOpenedIsNotAnError() {
        // the handler only follows appointments with a route, but a queue reset must not wedge it
        fixture.givenNoPriorActivity()
                .when(new FollowAppointmentCompleted(QUEUE, APPOINTMENT, NINE, NINE))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
