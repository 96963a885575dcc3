package com.clinic.scheduling.application.waitlist.port;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistRanking;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Port: the waiting-list read model, for listings and for finding whom to offer a freed slot. */
public interface WaitlistReadModel {

    /** Every criterion is optional and they combine; listings are in ranking order. */
    record Filter(
            Optional<UUID> patientId,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            Optional<UUID> doctorId,
            Optional<WaitlistEntryStatus> status) {}

    /**
     * Waiting entries that could want time of this doctor at this branch between two branch-local
     * dates: entries for the doctor, or for one of the doctor's specialties there, whose window
     * overlaps the dates, except the excluded ones.
     */
    record CandidateQuery(
            UUID doctorId,
            UUID branchId,
            Set<String> specialties,
            LocalDate firstDate,
            LocalDate lastDate,
            Set<UUID> excluded,
            int limit) {}

    /** A waiting entry as the offer process ranks and matches it. */
    record Candidate(UUID entryId, UUID patientId, WaitlistCriteria criteria, Urgency urgency, Instant joinedAt) {

        public WaitlistRanking.Key rankKey() {
            return new WaitlistRanking.Key(urgency, joinedAt, entryId);
        }
    }

    Optional<WaitlistEntryView> entry(UUID entryId);

    Page<WaitlistEntryView> list(Filter filter, PageRequest page);

    /** In ranking order, at most {@code query.limit()}. */
    java.util.List<Candidate> candidates(CandidateQuery query);

    /**
     * The place (1 = next) an entry with these criteria and this rank takes among the open entries of
     * its queue (the same doctor, or the same specialty, at the branch): one more than those ranking
     * before it. The same count as {@link WaitlistEntryView#position()}, for an entry not projected yet.
     */
    int positionFor(WaitlistCriteria criteria, WaitlistRanking.Key rank);

    /** An open entry of the patient for the same thing (doctor or specialty, branch, type), if any. */
    Optional<UUID> openEntryFor(UUID patientId, WaitlistCriteria criteria);
}
