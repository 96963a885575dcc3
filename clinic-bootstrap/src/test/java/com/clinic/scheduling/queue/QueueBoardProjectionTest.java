package com.clinic.scheduling.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.scheduling.application.queue.QueueBoard;
import com.clinic.scheduling.application.queue.QueueBoards;
import com.clinic.scheduling.application.queue.QueueIds;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.TicketRow;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueCommand.AdmitTransferredTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.CallNext;
import com.clinic.scheduling.domain.queue.QueueCommand.FinishService;
import com.clinic.scheduling.domain.queue.QueueCommand.IssueWalkInTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.JoinBookedPatient;
import com.clinic.scheduling.domain.queue.QueueCommand.MarkTicketNoShow;
import com.clinic.scheduling.domain.queue.QueueCommand.PrioritiseTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.SkipTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.StartService;
import com.clinic.scheduling.domain.queue.QueueCommand.TransferTicket;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.domain.queue.TransferredTicket;
import com.clinic.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The queue board read model against real PostgreSQL, fed by real commands with chosen times: the
 * ordering and positions, the real consultation lengths and the estimates they give, transfers
 * between boards, and a full replay that rebuilds the same board.
 */
@IntegrationTest
class QueueBoardProjectionTest {

    private static final UUID STAFF = UUID.fromString("00000000-0000-7000-8000-0000000000e1");

    @Autowired
    CommandGateway commands;

    @Autowired
    QueueBoardReadModel readModel;

    @Autowired
    QueueBoards boards;

    @Autowired
    PersonalDataVault vault;

    @Autowired
    EventProcessingConfiguration processing;

    private final Instant base = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

    private static QueueKey newQueue() {
        return new QueueKey(UUID.randomUUID(), UUID.randomUUID(), LocalDate.now(ZoneOffset.UTC));
    }

    private UUID walkIn(QueueKey key, Instant at) {
        UUID ticketId = UUID.randomUUID();
        commands.sendAndWait(new IssueWalkInTicket(QueueIds.of(key), key, ticketId, Optional.empty(), STAFF, at));
        return ticketId;
    }

    private List<UUID> waitingInOrder(UUID queueId) {
        return readModel.board(queueId).orElseThrow().active().stream()
                .filter(row -> row.progress() == Progress.WAITING)
                .sorted(java.util.Comparator.comparing(row -> row.position().orElseThrow()))
                .map(TicketRow::ticketId)
                .toList();
    }

    @Test
    void positionsFollowPriorityThenTimeThenNumberAndMoveWhenPatientsAreCalledOrSkipped() {
        QueueKey key = newQueue();
        UUID queueId = QueueIds.of(key);
        UUID first = walkIn(key, base);
        UUID booked = UUID.randomUUID();
        commands.sendAndWait(new JoinBookedPatient(
                queueId,
                key,
                booked,
                UUID.randomUUID(),
                UUID.randomUUID(),
                base.minus(Duration.ofMinutes(5)),
                Duration.ofMinutes(10),
                STAFF,
                base.plusSeconds(60)));
        UUID emergency = walkIn(key, base.plus(Duration.ofMinutes(30)));
        commands.sendAndWait(new PrioritiseTicket(
                queueId,
                emergency,
                Priority.EMERGENCY,
                Optional.of(vault.seal(emergency, "chest pain")),
                STAFF,
                base.plus(Duration.ofMinutes(31))));

        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> assertThat(waitingInOrder(queueId)).containsExactly(emergency, booked, first));

        commands.sendAndWait(new CallNext(queueId, STAFF, base.plus(Duration.ofMinutes(32))));
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> {
                    assertThat(waitingInOrder(queueId)).containsExactly(booked, first);
                    TicketRow called = readModel.ticket(emergency).orElseThrow();
                    assertThat(called.progress()).isEqualTo(Progress.CALLED);
                    assertThat(called.position()).isEmpty();
                });

        // Skipping moves a ticket back within its priority: the normal booked patient goes behind the
        // walk-in, the skipped emergency is still ahead of every normal patient.
        commands.sendAndWait(new SkipTicket(queueId, booked, STAFF, base.plus(Duration.ofMinutes(40))));
        commands.sendAndWait(new SkipTicket(queueId, emergency, STAFF, base.plus(Duration.ofMinutes(41))));
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> {
                    assertThat(waitingInOrder(queueId)).containsExactly(emergency, first, booked);
                    assertThat(readModel.ticket(emergency).orElseThrow().skips())
                            .isEqualTo(1);
                });
        QueueBoard board = boards.displaySnapshot(key);
        assertThat(board.called()).isEmpty();
        assertThat(board.waiting())
                .extracting(QueueBoard.Entry::position)
                .containsExactly(Optional.of(1), Optional.of(2), Optional.of(3));
        assertThat(board.waiting())
                .allSatisfy(entry -> assertThat(entry.priorityReason()).isEmpty());
    }

    @Test
    void realConsultationLengthsBecomeTheEstimatesOfThoseWaiting() {
        QueueKey key = newQueue();
        UUID queueId = QueueIds.of(key);
        long[] minutes = {10, 12, 30};
        Instant clock = base;
        for (long length : minutes) {
            UUID ticket = walkIn(key, clock);
            commands.sendAndWait(new StartService(queueId, ticket, STAFF, clock));
            clock = clock.plus(Duration.ofMinutes(length));
            commands.sendAndWait(new FinishService(queueId, ticket, STAFF, clock));
        }
        UUID next = walkIn(key, clock);
        UUID after = walkIn(key, clock.plusSeconds(1));
        UUID last = walkIn(key, clock.plusSeconds(2));

        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> assertThat(readModel.recentDurations(key.doctorId(), base, 20))
                        .containsExactlyInAnyOrder(
                                Duration.ofMinutes(10), Duration.ofMinutes(12), Duration.ofMinutes(30)));
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> assertThat(waitingInOrder(queueId)).containsExactly(next, after, last));
        QueueBoard idle = boards.displaySnapshot(key);
        // median of 10, 12 and 30: one long case does not inflate everybody's wait
        assertThat(idle.typicalConsultation()).isEqualTo(Duration.ofMinutes(12));
        assertThat(idle.measuredConsultations()).isEqualTo(3);
        assertThat(idle.waiting())
                .extracting(entry -> entry.estimatedWait().orElseThrow())
                .containsExactly(Duration.ZERO, Duration.ofMinutes(12), Duration.ofMinutes(24));

        // The doctor started with "next" five minutes ago and "after" was called: about 7 minutes left.
        commands.sendAndWait(
                new StartService(queueId, next, STAFF, Instant.now().minus(Duration.ofMinutes(5))));
        commands.sendAndWait(new CallNext(queueId, STAFF, Instant.now()));
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> assertThat(waitingInOrder(queueId)).containsExactly(last));
        QueueBoard busy = boards.displaySnapshot(key);
        assertThat(busy.inService()).extracting(QueueBoard.Entry::ticketId).containsExactly(next);
        assertThat(busy.called()).extracting(QueueBoard.Entry::ticketId).containsExactly(after);
        Duration lastWait = busy.waiting().getFirst().estimatedWait().orElseThrow();
        assertThat(lastWait).isBetween(Duration.ofMinutes(18).plusSeconds(50), Duration.ofMinutes(19));
    }

    @Test
    void aTransferredTicketLeavesOneBoardForTheOtherKeepingItsPriority() {
        QueueKey from = newQueue();
        QueueKey to = from.forDoctor(UUID.randomUUID());
        UUID ticket = walkIn(from, base);
        commands.sendAndWait(new PrioritiseTicket(
                QueueIds.of(from),
                ticket,
                Priority.ELDERLY,
                Optional.of(vault.seal(ticket, "82 years old")),
                STAFF,
                base.plusSeconds(10)));
        walkIn(to, base.minus(Duration.ofMinutes(10)));

        TransferredTicket moving = commands.sendAndWait(new TransferTicket(
                QueueIds.of(from), ticket, to.doctorId(), QueueIds.of(to), STAFF, base.plusSeconds(20)));
        commands.sendAndWait(new AdmitTransferredTicket(
                QueueIds.of(to), to, moving, QueueIds.of(from), STAFF, base.plusSeconds(20)));

        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> {
                    TicketRow now = readModel.ticket(ticket).orElseThrow();
                    assertThat(now.queueId()).isEqualTo(QueueIds.of(to));
                    assertThat(now.number()).isEqualTo(2);
                    assertThat(now.priority()).isEqualTo(Priority.ELDERLY);
                    assertThat(now.position()).contains(1); // elderly goes ahead of the earlier normal walk-in
                    assertThat(readModel.board(QueueIds.of(from)).orElseThrow().active())
                            .isEmpty();
                });
        // the reason travelled sealed, and still opens with the (anonymous) ticket's key
        assertThat(vault.open(
                        ticket,
                        readModel.ticket(ticket).orElseThrow().priorityReason().orElseThrow()))
                .contains("82 years old");
    }

    @Test
    void aReplayRebuildsTheSameBoard() {
        QueueKey key = newQueue();
        UUID queueId = QueueIds.of(key);
        UUID gone = walkIn(key, base);
        UUID staying = walkIn(key, base.plusSeconds(30));
        UUID served = walkIn(key, base.plusSeconds(60));
        commands.sendAndWait(new MarkTicketNoShow(queueId, gone, STAFF, base.plus(Duration.ofMinutes(5))));
        commands.sendAndWait(new StartService(queueId, served, STAFF, base.plus(Duration.ofMinutes(6))));
        commands.sendAndWait(new FinishService(queueId, served, STAFF, base.plus(Duration.ofMinutes(20))));
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(
                        () -> assertThat(readModel.ticket(served).orElseThrow().progress())
                                .isEqualTo(Progress.FINISHED));
        var before = readModel.board(queueId).orElseThrow();
        var durationsBefore = readModel.recentDurations(key.doctorId(), base, 20);

        StreamingEventProcessor processor = processing
                .eventProcessor("scheduling-queue-board", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(readModel.board(queueId)).isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(30))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> {
                    assertThat(readModel.board(queueId)).contains(before);
                    assertThat(readModel.ticket(gone).orElseThrow().progress()).isEqualTo(Progress.NO_SHOW);
                    assertThat(readModel.ticket(staying).orElseThrow().position())
                            .contains(1);
                    assertThat(readModel.recentDurations(key.doctorId(), base, 20))
                            .isEqualTo(durationsBefore);
                });
    }
}
