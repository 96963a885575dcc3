package com.clinic.directory.application.patient;

import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.PatientView;
import com.clinic.identity.UserAccounts;
import com.clinic.platform.application.IdGenerator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    public PatientRegistration(
            PatientRecords records, UserAccounts accounts, IdGenerator ids, TransactionTemplate transactions) {
        this.records = records;
        this.accounts = accounts;
        this.ids = ids;
        this.transactions = transactions;
    }

    /**
     * Throttled per client address and per e-mail or phone, and the password hashed, first and
     * outside the transaction: the attempt must count even when the registration fails, and the
     * transaction must not hold a connection of the pool while the budgets take another or while
     * the hash waits for the hashing pool.
     */
    public Registered register(UUID homeBranchId, PatientInput input, String password, String clientAddress) {
        String raw = password == null ? "" : password;
        UserAccounts.HashedPassword hashed = accounts.admitSelfRegistration(
                clientAddress, Optional.ofNullable(input.email()), Optional.ofNullable(input.phone()), raw);
        return transactions.execute(status -> registerInTransaction(homeBranchId, input, raw, hashed));
    }

    private Registered registerInTransaction(
            UUID homeBranchId, PatientInput input, String password, UserAccounts.HashedPassword hashed) {
        BranchView branch = records.homeBranch(homeBranchId);
        UUID userId = ids.next();
        UUID patientId = ids.next();
        // Validate and seal first: a bad profile must not leave an account behind (it would roll
        // back anyway, but failing before identity is touched keeps the error about the profile).
        PatientView patient = records.registerAt(branch, Optional.of(userId), input, patientId);
        String language = patient.preferredLanguage();
        accounts.registerPatient(
                new UserAccounts.PatientSignUp(
                        userId,
                        patient.personalData().flatMap(p -> p.email()),
                        patient.personalData().map(p -> p.phone()),
                        password,
                        language),
                hashed);
        return new Registered(patientId, userId, patient);
    }
}
