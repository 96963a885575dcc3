package com.clinic.directory.application.patient;

import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.PatientView;
import com.clinic.identity.UserAccounts;
import com.clinic.platform.application.IdGenerator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient signing themselves up: their login account (identity) and their patient record are
 * created in ONE transaction, so there is never an account without a record or the reverse.
 */
@Service
public class PatientRegistration {

    /** What the new patient gets back: the record to read and the account to log in with. */
    public record Registered(UUID patientId, UUID userId, PatientView patient) {}

    private final PatientRecords records;
    private final UserAccounts accounts;
    private final IdGenerator ids;

    public PatientRegistration(PatientRecords records, UserAccounts accounts, IdGenerator ids) {
        this.records = records;
        this.accounts = accounts;
        this.ids = ids;
    }

    @Transactional
    public Registered register(UUID homeBranchId, PatientInput input, String password) {
        BranchView branch = records.homeBranch(homeBranchId);
        UUID userId = ids.next();
        UUID patientId = ids.next();
        // Validate and seal first: a bad profile must not leave an account behind (it would roll
        // back anyway, but failing before identity is touched keeps the error about the profile).
        PatientView patient = records.registerAt(branch, Optional.of(userId), input, patientId);
        String language = patient.preferredLanguage();
        accounts.registerPatient(new UserAccounts.PatientSignUp(
                userId,
                patient.personalData().flatMap(p -> p.email()),
                patient.personalData().map(p -> p.phone()),
                password == null ? "" : password,
                language));
        return new Registered(patientId, userId, patient);
    }
}
