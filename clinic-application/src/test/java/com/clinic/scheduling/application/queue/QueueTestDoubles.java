package com.clinic.scheduling.application.queue;

import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel;
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
    static final class Directory extends InMemoryDirectoryFacts {

        Directory branch(UUID branchId, UUID clinicId) {
            branches.put(branchId, new BranchFacts(branchId, clinicId, ZoneId.of("Asia/Riyadh")));
            return this;
        }

        Directory doctor(UUID userId, UUID doctorId, UUID branchId) {
            Set<UUID> at = new HashSet<>(Set.of(branchId));
            DoctorFacts known = doctors.get(doctorId);
            if (known != null) {
                at.addAll(known.branchIds());
            }
            doctors.put(doctorId, new DoctorFacts(doctorId, userId, null, at, Set.of(), true));
            return this;
        }

        Directory patient(UUID userId, UUID patientId) {
            patients.put(patientId, new PatientFacts(patientId, null, null, Optional.of(userId), "ar", false));
            return this;
        }

        /** Patients here belong to no clinic in particular: every known one counts. */
        @Override
        public boolean isPatientOfClinic(UUID patientId, UUID clinicId) {
            return patients.containsKey(patientId);
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
