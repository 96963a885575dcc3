package com.clinic.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The directory's facts held in maps a test fills in, for application tests without a database. */
public class InMemoryDirectoryFacts implements DirectoryFacts {

    public final Map<UUID, BranchFacts> branches = new HashMap<>();
    public final Map<UUID, ClinicFacts> clinics = new HashMap<>();
    public final Map<UUID, DoctorFacts> doctors = new HashMap<>();
    public final Map<UUID, PatientFacts> patients = new HashMap<>();
    public final Map<UUID, Names> names = new HashMap<>();
    public final Map<UUID, PatientContact> contacts = new HashMap<>();

    @Override
    public boolean clinicExists(UUID clinicId) {
        return branches.values().stream().anyMatch(b -> b.clinicId().equals(clinicId));
    }

    @Override
    public Optional<String> branchCurrency(UUID branchId) {
        return branches.containsKey(branchId) ? Optional.of("SAR") : Optional.empty();
    }

    @Override
    public Optional<DoctorFee> doctorFee(UUID doctorId, UUID branchId) {
        return Optional.empty();
    }

    @Override
    public Optional<ClinicFacts> clinic(UUID clinicId) {
        return Optional.ofNullable(clinics.get(clinicId));
    }

    @Override
    public Optional<BranchFacts> branch(UUID branchId) {
        return Optional.ofNullable(branches.get(branchId));
    }

    @Override
    public Optional<DoctorFacts> doctor(UUID doctorId) {
        return Optional.ofNullable(doctors.get(doctorId));
    }

    @Override
    public Optional<DoctorFacts> doctorOfUser(UUID userId) {
        return doctors.values().stream()
                .filter(d -> userId.equals(d.userId()))
                .min((a, b) -> Boolean.compare(b.active(), a.active()));
    }

    @Override
    public Optional<UUID> doctorIdOfUser(UUID userId) {
        return doctorOfUser(userId).map(DoctorFacts::doctorId);
    }

    @Override
    public boolean worksAt(UUID doctorId, UUID branchId) {
        return doctor(doctorId).filter(d -> d.worksAt(branchId)).isPresent();
    }

    @Override
    public boolean specialtyAtBranch(String specialty, UUID branchId) {
        return doctors.values().stream()
                .anyMatch(d -> d.worksAt(branchId) && d.specialties().contains(specialty));
    }

    @Override
    public Optional<PatientContact> contact(UUID patientId) {
        return Optional.ofNullable(contacts.get(patientId));
    }

    @Override
    public Optional<PatientFacts> patient(UUID patientId) {
        return Optional.ofNullable(patients.get(patientId));
    }

    @Override
    public Optional<PatientFacts> patientOfUser(UUID userId) {
        return patients.values().stream()
                .filter(p -> p.userId().filter(userId::equals).isPresent())
                .min((a, b) -> Boolean.compare(a.erased(), b.erased()));
    }

    @Override
    public Optional<UUID> patientIdOfUser(UUID userId) {
        return patientOfUser(userId).map(PatientFacts::patientId);
    }

    @Override
    public List<Placement> placements(
            UUID clinicId, Optional<UUID> doctorId, Optional<UUID> branchId, Optional<String> specialty) {
        return doctors.values().stream()
                .filter(DoctorFacts::active)
                .filter(d -> doctorId.map(d.doctorId()::equals).orElse(true))
                .filter(d -> specialty.map(d.specialties()::contains).orElse(true))
                .flatMap(d -> d.branchIds().stream()
                        .map(branches::get)
                        .filter(b -> b != null && b.clinicId().equals(clinicId))
                        .filter(b -> branchId.map(b.branchId()::equals).orElse(true))
                        .map(b -> new Placement(d.doctorId(), b.branchId(), b.zone())))
                .toList();
    }

    @Override
    public NameBook names(Collection<UUID> patientIds, Collection<UUID> doctorIds) {
        Map<UUID, Names> patientNames = new HashMap<>();
        Map<UUID, Names> doctorNames = new HashMap<>();
        patientIds.stream().filter(names::containsKey).forEach(id -> patientNames.put(id, names.get(id)));
        doctorIds.stream().filter(names::containsKey).forEach(id -> doctorNames.put(id, names.get(id)));
        return new NameBook(patientNames, doctorNames);
    }
}
