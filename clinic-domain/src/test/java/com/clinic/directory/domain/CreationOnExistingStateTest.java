package com.clinic.directory.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.directory.domain.branch.BranchCommand.OpenBranch;
import com.clinic.directory.domain.branch.BranchDecider;
import com.clinic.directory.domain.branch.BranchState;
import com.clinic.directory.domain.clinic.ClinicCommand.CreateClinic;
import com.clinic.directory.domain.clinic.ClinicDecider;
import com.clinic.directory.domain.clinic.ClinicState;
import com.clinic.directory.domain.doctor.DoctorCommand.RegisterDoctor;
import com.clinic.directory.domain.doctor.DoctorDecider;
import com.clinic.directory.domain.doctor.DoctorProfile;
import com.clinic.directory.domain.doctor.DoctorState;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientCommand.RegisterPatient;
import com.clinic.directory.domain.patient.PatientDecider;
import com.clinic.directory.domain.patient.PatientState;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Creation commands on a stream that already exists. Through Axon these never reach the decider
 * (creation always starts a new stream and the event store rejects the duplicate), so the
 * deciders' own guard is checked here directly.
 */
class CreationOnExistingStateTest {

    static final UUID ID = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final SiteProfile SITE = new SiteProfile(
            new BilingualText("الشفاء", "Al Shifa"),
            "Riyadh",
            "+966112345678",
            "Asia/Riyadh",
            "SAR",
            Set.of(DayOfWeek.SUNDAY));

    @Test
    void aClinicIsCreatedOnlyOnce() {
        assertThatThrownBy(() ->
                        new ClinicDecider().decide(new CreateClinic(ID, SITE), new ClinicState.Existing(ID, SITE)))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("clinic.already-exists");
    }

    @Test
    void aBranchOpensOnlyOnce() {
        assertThatThrownBy(() ->
                        new BranchDecider().decide(new OpenBranch(ID, ID, SITE), new BranchState.Open(ID, ID, SITE)))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("branch.already-exists");
    }

    @Test
    void aDoctorIsRegisteredOnlyOnce() {
        DoctorProfile profile = new DoctorProfile(
                new BilingualText("د. علي", "Dr. Ali"),
                Set.of(ID),
                Set.of(),
                Set.of(),
                List.of(),
                new BilingualText("", ""));
        assertThatThrownBy(() -> new DoctorDecider()
                        .decide(
                                new RegisterDoctor(ID, ID, ID, profile),
                                new DoctorState.Registered(ID, ID, ID, profile, true)))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("doctor.already-exists");
    }

    @Test
    void aPatientIsRegisteredOnlyOnceEvenAfterErasure() {
        RegisterPatient register =
                new RegisterPatient(ID, ID, ID, Optional.empty(), new Ciphertext("eA=="), "ar", Consents.none());
        assertThatThrownBy(() -> new PatientDecider().decide(register, new PatientState.Erased(ID, Optional.empty())))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("patient.already-exists");
    }
}
