package com.clinic.scheduling.application.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.application.access.FixedActorRecords;
import com.clinic.platform.application.crypto.KeyMaterial;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.BoardRows;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.TicketRow;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Estimated waits on the board: real consultation lengths in, estimates out, at a fixed "now".
 * The read model is a stand-in holding exactly the rows each test describes.
 */
class QueueBoardsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T07:00:00Z");
    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID DOCTOR = UUID.randomUUID();
    private static final QueueKey KEY = new QueueKey(DOCTOR, BRANCH, LocalDate.parse("2026-06-01"));
    private static final UUID QUEUE = QueueIds.of(KEY);
    private static final Actor ADMIN = new Actor(UUID.randomUUID(), Role.ADMIN, Optional.empty(), Optional.empty());

    private final QueueTestDoubles.Boards readModel = new QueueTestDoubles.Boards();
    private final QueueTestDoubles.Directory directory = new QueueTestDoubles.Directory().branch(BRANCH, CLINIC);
    private final PersonalDataVault vault = KeyMaterial.vault();
    private final InMemoryTicketRoutes routes = new InMemoryTicketRoutes();
    private final QueueBoards boards = new QueueBoards(
            readModel,
            directory,
            routes,
            new FixedActorRecords().policy(),
            vault,
            QueueSettings.DEFAULTS,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static TicketRow row(int number, Progress progress, Priority priority, Instant effectiveAt) {
        return new TicketRow(
                QUEUE,
                UUID.randomUUID(),
                number,
                Optional.empty(),
                Optional.empty(),
                priority,
                Optional.empty(),
                progress,
                Optional.empty(),
                effectiveAt,
                effectiveAt,
                Optional.empty(),
                0,
                0,
                progress == Progress.IN_SERVICE ? Optional.of(effectiveAt) : Optional.empty(),
                Optional.empty());
    }

    private void board(TicketRow... rows) {
        readModel.boards.put(QUEUE, new BoardRows(QUEUE, KEY, 7, rows.length, List.of(rows)));
    }

    private void durations(long... minutes) {
        Arrays.stream(minutes).mapToObj(Duration::ofMinutes).forEach(readModel.durations::add);
    }

    private static List<Duration> waits(QueueBoard board) {
        return board.waiting().stream()
                .map(entry -> entry.estimatedWait().orElseThrow())
                .toList();
    }

    @Test
    void eachWaitingPatientWaitsForWhatIsLeftOfTheCurrentConsultationTheCalledPatientAndThoseAhead() {
        durations(8, 9, 10, 11, 40);
        TicketRow inService = row(1, Progress.IN_SERVICE, Priority.NORMAL, NOW.minus(Duration.ofMinutes(4)));
        TicketRow called = row(2, Progress.CALLED, Priority.NORMAL, NOW.minus(Duration.ofMinutes(30)));
        TicketRow later = row(3, Progress.WAITING, Priority.NORMAL, NOW.minus(Duration.ofMinutes(20)));
        TicketRow elderly = row(4, Progress.WAITING, Priority.ELDERLY, NOW.minus(Duration.ofMinutes(2)));
        board(inService, called, later, elderly);

        QueueBoard board = boards.displaySnapshot(KEY);

        // median of 8, 9, 10, 11, 40 = 10; 6 left of the current one; then the called patient
        assertThat(board.typicalConsultation()).isEqualTo(Duration.ofMinutes(10));
        assertThat(board.measuredConsultations()).isEqualTo(5);
        assertThat(board.waiting()).extracting(QueueBoard.Entry::number).containsExactly(4, 3);
        assertThat(board.waiting())
                .extracting(QueueBoard.Entry::position)
                .containsExactly(Optional.of(1), Optional.of(2));
        assertThat(waits(board)).containsExactly(Duration.ofMinutes(16), Duration.ofMinutes(26));
        assertThat(board.inService()).extracting(QueueBoard.Entry::number).containsExactly(1);
        assertThat(board.called()).extracting(QueueBoard.Entry::estimatedWait).containsExactly(Optional.empty());
    }

    @Test
    void untilTheDoctorHasEnoughHistoryThePlannedLengthIsAssumed() {
        durations(45, 50);
        board(
                row(1, Progress.WAITING, Priority.NORMAL, NOW.minus(Duration.ofMinutes(3))),
                row(2, Progress.WAITING, Priority.NORMAL, NOW.minus(Duration.ofMinutes(2))));

        QueueBoard board = boards.displaySnapshot(KEY);

        assertThat(board.typicalConsultation()).isEqualTo(QueueSettings.DEFAULTS.plannedConsultation());
        assertThat(board.measuredConsultations()).isZero();
        assertThat(waits(board)).containsExactly(Duration.ZERO, Duration.ofMinutes(15));
    }

    @Test
    void theEstimateUsesTheDoctorsMostRecentConsultationsWithinTheConfiguredWindow() {
        board();

        boards.displaySnapshot(KEY);

        assertThat(readModel.askedSince).isEqualTo(NOW.minus(QueueSettings.DEFAULTS.historyWindow()));
        assertThat(readModel.askedLimit).isEqualTo(QueueSettings.DEFAULTS.historySize());
    }

    @Test
    void aQueueNobodyJoinedYetIsAnEmptyBoardNotAnError() {
        durations(10, 10, 10);

        QueueBoard board = boards.board(ADMIN, DOCTOR, BRANCH, KEY.date());

        assertThat(board.version()).isEqualTo(-1);
        assertThat(board.waiting()).isEmpty();
        assertThat(board.typicalConsultation()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void priorityReasonsAreOpenedForStaffAndNeverShownOnADisplay() {
        UUID ticketId = UUID.randomUUID();
        TicketRow prioritised = new TicketRow(
                QUEUE,
                ticketId,
                1,
                Optional.empty(),
                Optional.empty(),
                Priority.DISABLED,
                Optional.of(vault.seal(ticketId, "uses a wheelchair")),
                Progress.WAITING,
                Optional.of(1),
                NOW,
                NOW,
                Optional.empty(),
                0,
                0,
                Optional.empty(),
                Optional.empty());
        board(prioritised);

        assertThat(boards.board(ADMIN, DOCTOR, BRANCH, KEY.date())
                        .waiting()
                        .getFirst()
                        .priorityReason())
                .contains("uses a wheelchair");
        assertThat(boards.displaySnapshot(KEY).waiting().getFirst().priorityReason())
                .isEmpty();
    }

    @Test
    void aTicketTheBoardHasNotCaughtUpWithIsWaitingInTheQueueItsRouteNames() {
        UUID ticketId = UUID.randomUUID();
        routes.route(new com.clinic.scheduling.application.queue.port.QueueTicketRoutes.TicketRoute(
                ticketId, QUEUE, KEY, 4, Optional.empty(), Optional.empty()));

        TicketProgress progress = boards.progress(ticketId).orElseThrow();

        assertThat(progress.progress()).isEqualTo(Progress.WAITING);
        assertThat(progress.number()).isEqualTo(4);
        assertThat(progress.queueId()).isEqualTo(QUEUE);
        assertThat(progress.position()).isEmpty();
        assertThat(progress.estimatedWait()).isEmpty();
    }

    @Test
    void aTicketOnTheBoardHasItsPlaceAndEstimate() {
        TicketRow first = row(1, Progress.WAITING, Priority.NORMAL, NOW.minus(Duration.ofMinutes(5)));
        TicketRow second = row(2, Progress.WAITING, Priority.NORMAL, NOW.minus(Duration.ofMinutes(4)));
        board(first, second);
        routes.route(new com.clinic.scheduling.application.queue.port.QueueTicketRoutes.TicketRoute(
                second.ticketId(), QUEUE, KEY, 2, Optional.empty(), Optional.empty()));

        TicketProgress progress = boards.progress(second.ticketId()).orElseThrow();

        assertThat(progress.position()).contains(2);
        assertThat(progress.estimatedWait()).contains(Duration.ofMinutes(15));
    }
}
