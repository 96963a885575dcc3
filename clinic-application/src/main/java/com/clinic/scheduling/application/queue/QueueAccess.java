package com.clinic.scheduling.application.queue;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a queue. ADMIN anything; MANAGER anything in their clinic; a RECEPTIONIST runs
 * the waiting room of their branch (tickets, priorities, transfers, recalls, skips, no-shows); a
 * DOCTOR works their own queue (calls, recalls, skips, no-shows, consultations). Patients see only
 * their own ticket. The HTTP layer's role checks say the same; this is where the scope is checked.
 */
@Component
public class QueueAccess {

    /** What is being done to a queue. */
    public enum Action {
        ISSUE,
        PRIORITISE,
        TRANSFER,
        CALL,
        /** Recall, skip, no-show: managing who is in the waiting room. */
        ATTEND,
        /** Start and finish consultations. */
        SERVE,
        VIEW
    }

    private static final Set<Action> RECEPTION =
            EnumSet.of(Action.ISSUE, Action.PRIORITISE, Action.TRANSFER, Action.ATTEND, Action.VIEW);
    private static final Set<Action> DOCTOR = EnumSet.of(Action.CALL, Action.ATTEND, Action.SERVE, Action.VIEW);

    private final DirectoryFacts directory;

    public QueueAccess(DirectoryFacts directory) {
        this.directory = directory;
    }

    public boolean allows(Actor actor, Action action, QueueKey key, BranchFacts branch) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case MANAGER -> actor.worksInClinic(branch.clinicId());
            case RECEPTIONIST -> RECEPTION.contains(action) && actor.worksAt(branch.clinicId(), key.branchId());
            // A doctor may practise at several branches of the clinic; the queue must be their own.
            case DOCTOR ->
                DOCTOR.contains(action)
                        && actor.worksInClinic(branch.clinicId())
                        && directory
                                .doctorOfUser(actor.userId())
                                .filter(DoctorFacts::active)
                                .map(DoctorFacts::doctorId)
                                .filter(key.doctorId()::equals)
                                .isPresent();
            case PATIENT, AUDITOR -> false;
        };
    }

    public void require(Actor actor, Action action, QueueKey key, BranchFacts branch) {
        if (!allows(actor, action, key, branch)) {
            throw new AccessDeniedException(actor.role() + " may not " + action + " this queue");
        }
    }

    /**
     * A ticket's progress: whoever may view its queue, and the patient it belongs to. Anyone else is
     * told there is no such ticket, exactly as for an unknown id, so a ticket id cannot be probed.
     */
    public void requireTicketView(Actor actor, QueueKey key, BranchFacts branch, Optional<UUID> ticketPatient) {
        boolean allowed;
        if (actor.is(Role.PATIENT)) {
            Optional<UUID> self = directory
                    .patientOfUser(actor.userId())
                    .filter(patient -> !patient.erased())
                    .map(PatientFacts::patientId);
            allowed = self.isPresent() && self.equals(ticketPatient);
        } else {
            allowed = allows(actor, Action.VIEW, key, branch);
        }
        if (!allowed) {
            throw new Rejection.NotFound("queue.ticket-not-found");
        }
    }
}
