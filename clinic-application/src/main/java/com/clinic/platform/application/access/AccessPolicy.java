package com.clinic.platform.application.access;

import com.clinic.platform.application.access.port.ActorRecords;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may do what on which resource, and whether a refusal is 403 or
 * 404 (see {@link Refusal}). Every use case asks it; the HTTP layer only authenticates. The rules
 * themselves are data: each context's operations enum (its access table), see ADR 0019.
 */
@Component
public class AccessPolicy {

    private final ActorRecords records;

    public AccessPolicy(ActorRecords records) {
        this.records = records;
    }

    /** How far the actor's role reaches for this operation; empty when the role holds no grant. */
    public Optional<Reach> reachOf(Actor actor, Operation operation) {
        return operation.rule().grants().stream()
                .filter(grant -> grant.roles().contains(actor.role()))
                .map(Grant::reach)
                .findFirst();
    }

    /**
     * The role-level check, before any resource is looked up: a role without a grant of the operation
     * is refused with 403 whatever it names. Returns the reach, for use cases that scope a listing.
     */
    public Reach requireRole(Actor actor, Operation operation) {
        return reachOf(actor, operation)
                .orElseThrow(() -> new AccessRefused(operation.name(), "role " + actor.role() + " holds no grant"));
    }

    public boolean permits(Actor actor, Operation operation, Target target) {
        return reachOf(actor, operation)
                .filter(reach -> reaches(actor, reach, target))
                .isPresent();
    }

    /** The whole check: 403 for a role without a grant; otherwise the operation's refusal when out of reach. */
    public void require(Actor actor, Operation operation, Target target) {
        Reach reach = requireRole(actor, operation);
        if (!reaches(actor, reach, target)) {
            throw refusal(actor, operation);
        }
    }

    /** The refusal of this operation for a resource out of the actor's reach. */
    private static RuntimeException refusal(Actor actor, Operation operation) {
        return operation
                .rule()
                .refusal()
                .notFoundCode()
                .<RuntimeException>map(Rejection.NotFound::new)
                .orElseGet(() -> new AccessRefused(operation.name(), actor.role() + " out of reach"));
    }

    /** The actor's own active doctor record, as grants of {@link Reach#OWN_DOCTOR_RECORD} see it. */
    private Optional<UUID> ownDoctorRecord(Actor actor) {
        return records.activeDoctorOf(actor.userId());
    }

    /** The actor's own patient record, as grants of {@link Reach#OWN_PATIENT_RECORD} see it. */
    public Optional<UUID> ownPatientRecord(Actor actor) {
        return records.livingPatientOf(actor.userId());
    }

    private boolean reaches(Actor actor, Reach reach, Target target) {
        return switch (reach) {
            case ANYWHERE -> true;
            case OWN_CLINIC -> target.clinicId().filter(actor::worksInClinic).isPresent();
            case OWN_BRANCH ->
                target.clinicId().isPresent()
                        && target.branchId().isPresent()
                        && actor.worksAt(
                                target.clinicId().get(), target.branchId().get());
            case OWN_DOCTOR_RECORD ->
                target.clinicId().filter(actor::worksInClinic).isPresent()
                        && target.doctorId().isPresent()
                        && ownDoctorRecord(actor).equals(target.doctorId());
            case OWN_PATIENT_RECORD ->
                target.patientId().isPresent() && ownPatientRecord(actor).equals(target.patientId());
        };
    }
}
