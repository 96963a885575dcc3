package com.clinic.directory.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.access.port.ActorRecords;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What "own" means in an access grant, answered from the directory. */
@Component
class DirectoryActorRecords implements ActorRecords {

    private final DirectoryFacts directory;

    DirectoryActorRecords(DirectoryFacts directory) {
        this.directory = directory;
    }

    @Override
    public Optional<UUID> activeDoctorOf(UUID userId) {
        return directory.doctorOfUser(userId).filter(DoctorFacts::active).map(DoctorFacts::doctorId);
    }

    @Override
    public Optional<UUID> livingPatientOf(UUID userId) {
        return directory
                .patientOfUser(userId)
                .filter(patient -> !patient.erased())
                .map(PatientFacts::patientId);
    }
}
