package com.clinic.scheduling.application.queue;

import com.clinic.scheduling.application.queue.port.QueueBoardReadModel;
import com.clinic.scheduling.application.queue.port.QueueDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** In-memory stand-ins for the queue's ports, for application tests without a database. */
final class QueueTestDoubles {

    private QueueTestDoubles() {}

    /** A directory with one clinic's branches, doctors (by user) and patients. */
    static final class Directory implements QueueDirectory {
        final Map<UUID, BranchFacts> branches = new HashMap<>();
        final Map<UUID, UUID> doctorsByUser = new HashMap<>();
        final Map<UUID, UUID> patientsByUser = new HashMap<>();
        final Set<List<UUID>> practising = new HashSet<>();

        Directory branch(UUID branchId, UUID clinicId) {
            branches.put(branchId, new BranchFacts(branchId, clinicId, ZoneId.of("Asia/Riyadh")));
            return this;
        }

        Directory doctor(UUID userId, UUID doctorId, UUID branchId) {
            doctorsByUser.put(userId, doctorId);
            practising.add(List.of(doctorId, branchId));
            return this;
        }

        Directory patient(UUID userId, UUID patientId) {
            patientsByUser.put(userId, patientId);
            return this;
        }

        @Override
        public Optional<BranchFacts> branch(UUID branchId) {
            return Optional.ofNullable(branches.get(branchId));
        }

        @Override
        public boolean practisesAt(UUID doctorId, UUID branchId) {
            return practising.contains(List.of(doctorId, branchId));
        }

        @Override
        public Optional<UUID> doctorOfUser(UUID userId) {
            return Optional.ofNullable(doctorsByUser.get(userId));
        }

        @Override
        public Optional<UUID> patientOfUser(UUID userId) {
            return Optional.ofNullable(patientsByUser.get(userId));
        }

        @Override
        public boolean isPatientOfClinic(UUID patientId, UUID clinicId) {
            return patientsByUser.containsValue(patientId);
        }
    }

    /** A board read model holding exactly the rows and durations a test puts in. */
    static final class Boards implements QueueBoardReadModel {
        final Map<UUID, BoardRows> boards = new HashMap<>();
        final List<Duration> durations = new ArrayList<>();
        Instant askedSince;
        int askedLimit;

        @Override
        public Optional<BoardRows> board(UUID queueId) {
            return Optional.ofNullable(boards.get(queueId));
        }

        @Override
        public Optional<TicketRow> ticket(UUID ticketId) {
            return boards.values().stream()
                    .flatMap(board -> board.active().stream())
                    .filter(row -> row.ticketId().equals(ticketId))
                    .findFirst();
        }

        @Override
        public List<Duration> recentDurations(UUID doctorId, Instant since, int limit) {
            askedSince = since;
            askedLimit = limit;
            return durations.stream().limit(limit).toList();
        }
    }
}
