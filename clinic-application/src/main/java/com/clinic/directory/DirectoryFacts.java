package com.clinic.directory;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other contexts may ask the directory about clinics, branches, doctors and patients. Answers
 * come from the directory's read models, so they follow its events a moment later (read-your-writes
 * at the HTTP edge, ADR 0008) and never change in the middle of the caller's command. Lists are
 * looked up in batches ({@link #names}, {@link #placements}) so a query
 * showing many rows costs one call, never one per row (ADR 0017).
 */
public interface DirectoryFacts {

    /** A branch: the clinic it belongs to and the zone its wall clock runs in. */
    record BranchFacts(UUID branchId, UUID clinicId, ZoneId zone) {
        public BranchFacts {
            Objects.requireNonNull(branchId, "branchId");
            Objects.requireNonNull(clinicId, "clinicId");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** A doctor: their login, clinic, where they work, what they practise, and whether they still do. */
    record DoctorFacts(
            UUID doctorId, UUID userId, UUID clinicId, Set<UUID> branchIds, Set<String> specialties, boolean active) {
        public DoctorFacts {
            branchIds = Set.copyOf(branchIds);
            specialties = Set.copyOf(specialties);
        }

        /** Active and placed at the branch. */
        public boolean worksAt(UUID branchId) {
            return active && branchIds.contains(branchId);
        }
    }

    /**
     * A patient: where they are registered, their login if they have one (in-app notices reach them
     * only then), the language they chose, and whether their personal data was erased.
     */
    record PatientFacts(
            UUID patientId,
            UUID clinicId,
            UUID homeBranchId,
            Optional<UUID> userId,
            String preferredLanguage,
            boolean erased) {}

    /**
     * How to reach a patient and what they agreed to be sent: opened from their sealed record for
     * the notifications about to be sent, never stored elsewhere. Empty addresses once erased.
     */
    record PatientContact(
            UUID patientId,
            Optional<String> email,
            Optional<String> phoneE164,
            boolean remindersConsent,
            boolean marketingConsent,
            String preferredLanguage) {

        @Override
        public String toString() {
            return "PatientContact[" + patientId + ", redacted]";
        }
    }

    /** A display name in both languages; both null once a patient's personal data is erased. */
    record Names(String nameAr, String nameEn) {
        public static final Names NONE = new Names(null, null);
    }

    /** Names by patient and by doctor id; {@link Names#NONE} for an id not found. */
    record NameBook(Map<UUID, Names> patients, Map<UUID, Names> doctors) {
        public NameBook {
            patients = Map.copyOf(patients);
            doctors = Map.copyOf(doctors);
        }

        public Names patient(UUID patientId) {
            return patients.getOrDefault(patientId, Names.NONE);
        }

        public Names doctor(UUID doctorId) {
            return doctors.getOrDefault(doctorId, Names.NONE);
        }
    }

    /** An active doctor placed at a branch, with the branch's zone: a candidate for slot search. */
    record Placement(UUID doctorId, UUID branchId, ZoneId zone) {}

    /** A clinic's names in both languages and its zone (where its branches have none of their own). */
    record ClinicFacts(UUID clinicId, Names names, ZoneId zone) {
        public ClinicFacts {
            Objects.requireNonNull(clinicId, "clinicId");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** A doctor's fee at a branch, in the currency it was set in. */
    record DoctorFee(BigDecimal amount, String currency) {
        public DoctorFee {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }

    boolean clinicExists(UUID clinicId);

    /** The ISO 4217 currency a branch bills in. */
    Optional<String> branchCurrency(UUID branchId);

    /** What the doctor charges at the branch, when a fee is set there. */
    Optional<DoctorFee> doctorFee(UUID doctorId, UUID branchId);

    Optional<ClinicFacts> clinic(UUID clinicId);

    Optional<BranchFacts> branch(UUID branchId);

    Optional<DoctorFacts> doctor(UUID doctorId);

    /** The doctor record of a user account (an active one first, should there be several). */
    Optional<DoctorFacts> doctorOfUser(UUID userId);

    /** The doctor id of a user account, for access checks that need nothing else. */
    Optional<UUID> doctorIdOfUser(UUID userId);

    /** Whether the doctor is active and works at the branch. */
    boolean worksAt(UUID doctorId, UUID branchId);

    /** Whether an active doctor of this specialty works at the branch. */
    boolean specialtyAtBranch(String specialty, UUID branchId);

    Optional<PatientFacts> patient(UUID patientId);

    /** The patient's addresses and consents; empty when unknown. */
    Optional<PatientContact> contact(UUID patientId);

    /** The patient record of a user account (one not erased first, should there be several). */
    Optional<PatientFacts> patientOfUser(UUID userId);

    /** The patient id of a user account, for access checks that need nothing else. */
    Optional<UUID> patientIdOfUser(UUID userId);

    /** Whether the patient is registered with the clinic and not erased. */
    default boolean isPatientOfClinic(UUID patientId, UUID clinicId) {
        return patient(patientId)
                .filter(patient -> !patient.erased() && patient.clinicId().equals(clinicId))
                .isPresent();
    }

    /**
     * Active doctors and the branches of the clinic they work at, narrowed to a doctor, a branch
     * and a specialty when given; one query, whatever the size of the clinic.
     */
    List<Placement> placements(
            UUID clinicId, Optional<UUID> doctorId, Optional<UUID> branchId, Optional<String> specialty);

    /**
     * Names of the patients and doctors found, in one statement: what a list of appointments shows
     * beside each row. Unknown ids are left out.
     */
    NameBook names(Collection<UUID> patientIds, Collection<UUID> doctorIds);
}
