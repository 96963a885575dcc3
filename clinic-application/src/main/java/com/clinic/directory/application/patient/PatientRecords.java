package com.clinic.directory.application.patient;

import com.clinic.directory.application.DirectoryOperation;
import com.clinic.directory.application.FieldChecks;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.DirectoryReadModel;
import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.PatientReadModel;
import com.clinic.directory.application.port.PatientSummary;
import com.clinic.directory.application.port.PatientView;
import com.clinic.directory.application.port.PhoneNumbers;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientCommand.ErasePatient;
import com.clinic.directory.domain.patient.PatientCommand.RegisterPatient;
import com.clinic.directory.domain.patient.PatientCommand.UpdatePatient;
import com.clinic.directory.domain.patient.PatientDecider;
import com.clinic.identity.UserAccounts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.access.Reach;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient records and who may see them: a PATIENT only their own (by linked account), DOCTOR and
 * RECEPTIONIST those of their branch, MANAGER those of their clinic, ADMIN everyone, AUDITOR none.
 * A record outside the caller's scope is reported as not found, so its existence does not leak.
 */
@Service
public class PatientRecords {

    private final Commands commands;
    private final PatientReadModel patients;
    private final DirectoryReadModel sites;
    private final PersonalDataCodec codec;
    private final PersonalDataVault vault;
    private final FieldCipher fieldCipher;
    private final PhoneNumbers phones;
    private final UserAccounts accounts;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccessPolicy access;

    public PatientRecords(
            Commands commands,
            PatientReadModel patients,
            DirectoryReadModel sites,
            PersonalDataCodec codec,
            PersonalDataVault vault,
            FieldCipher fieldCipher,
            PhoneNumbers phones,
            UserAccounts accounts,
            IdGenerator ids,
            Clock clock,
            AccessPolicy access) {
        this.access = access;
        this.commands = commands;
        this.patients = patients;
        this.sites = sites;
        this.codec = codec;
        this.vault = vault;
        this.fieldCipher = fieldCipher;
        this.phones = phones;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    /** Staff register a patient at a branch they work for. */
    @Transactional
    public PatientView register(Actor actor, UUID homeBranchId, PatientInput input) {
        access.requireRole(actor, DirectoryOperation.REGISTER_PATIENT);
        BranchView branch = homeBranch(homeBranchId);
        access.require(actor, DirectoryOperation.REGISTER_PATIENT, Target.branch(branch.clinicId(), branch.id()));
        return registerAt(branch, Optional.empty(), input, ids.next());
    }

    /** For self-registration, which has already created the account in the same transaction. */
    PatientView registerAt(BranchView branch, Optional<UUID> userId, PatientInput input, UUID patientId) {
        PatientPersonalData personal = personalData(input);
        String language = language(input.preferredLanguage());
        Consents consents = input.consents() == null ? Consents.none() : input.consents();
        Ciphertext sealed = codec.seal(patientId, personal);
        commands.send(
                new RegisterPatient(patientId, branch.clinicId(), branch.id(), userId, sealed, language, consents));
        return new PatientView(
                patientId, branch.clinicId(), branch.id(), userId, Optional.of(personal), language, consents, false, 0);
    }

    @Transactional
    public long update(Actor actor, UUID patientId, PatientInput input, Optional<Long> expectedVersion) {
        PatientView current = patient(actor, patientId);
        if (current.erased() || vault.isShredded(patientId)) {
            throw new Rejection.Conflict("patient.erased");
        }
        PatientPersonalData personal = personalData(input);
        String language = language(input.preferredLanguage());
        Consents consents = input.consents() == null ? current.consents() : input.consents();
        return commands.send(
                new UpdatePatient(patientId, codec.seal(patientId, personal), language, consents), expectedVersion);
    }

    /**
     * Crypto-shredding: records the erasure, deletes the patient's key and erases their login
     * account (identifiers, password, sessions) in one transaction, so either all happen or none.
     * Idempotent: erasing again records nothing new but re-applies every step, which is how a
     * restored backup that predates the erasure is brought back in line (ADR 0005). Only an ADMIN
     * or the patient themself may erase.
     */
    @Transactional
    public void erase(Actor actor, UUID patientId) {
        access.require(actor, DirectoryOperation.ERASE_PATIENT, Target.patient(patientId));
        Optional<UUID> account = commands.request(new ErasePatient(patientId, clock.instant()));
        vault.shred(patientId);
        account.ifPresent(accounts::erasePatientAccount);
    }

    public PatientView patient(Actor actor, UUID patientId) {
        access.requireRole(actor, DirectoryOperation.OPEN_PATIENT_RECORD);
        return patients.patient(patientId)
                .filter(patient -> access.permits(actor, DirectoryOperation.OPEN_PATIENT_RECORD, targetOf(patient)))
                .orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
    }

    /** The caller's own record, for patients. */
    public PatientView mine(Actor actor) {
        access.requireRole(actor, DirectoryOperation.OPEN_OWN_PATIENT_RECORD);
        return patients.patientOfUser(actor.userId()).orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
    }

    /** Staff search within their scope, by name (partial, either language) and/or exact phone. */
    public Page<PatientSummary> search(Actor actor, Optional<String> name, Optional<String> phone, PageRequest page) {
        Reach reach = access.requireRole(actor, DirectoryOperation.SEARCH_PATIENTS);
        Optional<String> phoneIndex = phone.filter(p -> !p.isBlank()).map(p -> phones.toE164(p)
                .map(fieldCipher::blindIndex)
                .orElseThrow(() -> new Rejection.RuleViolated("directory.invalid-fields", "phone")));
        Optional<UUID> clinicScope = reach == Reach.ANYWHERE
                ? Optional.empty()
                : Optional.of(actor.clinicId().orElseThrow(() -> unscoped(actor)));
        Optional<UUID> branchScope = reach == Reach.OWN_BRANCH
                ? Optional.of(actor.branchId().orElseThrow(() -> unscoped(actor)))
                : Optional.empty();
        return patients.search(
                new PatientReadModel.Search(
                        name.map(String::strip).filter(n -> !n.isEmpty()), phoneIndex, clinicScope, branchScope),
                page);
    }

    private static Target targetOf(PatientView patient) {
        return Target.branch(patient.clinicId(), patient.homeBranchId()).ofPatient(patient.id());
    }

    /** A staff account that carries no clinic or branch cannot be scoped, so it searches nothing. */
    private static AccessRefused unscoped(Actor actor) {
        return new AccessRefused(
                DirectoryOperation.SEARCH_PATIENTS.name(), "account " + actor.userId() + " has no scope");
    }

    BranchView homeBranch(UUID homeBranchId) {
        if (homeBranchId == null) {
            throw new Rejection.RuleViolated("directory.invalid-fields", "homeBranchId");
        }
        return sites.branch(homeBranchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
    }

    private static String language(String preferredLanguage) {
        String language = preferredLanguage == null ? "ar" : preferredLanguage;
        if (!PatientDecider.LANGUAGES.contains(language)) {
            throw new Rejection.RuleViolated("directory.invalid-fields", "preferredLanguage");
        }
        return language;
    }

    private PatientPersonalData personalData(PatientInput input) {
        FieldChecks checks = new FieldChecks();
        String nameAr = checks.notBlank("nameAr", input.nameAr());
        String nameEn = checks.notBlank("nameEn", input.nameEn());
        LocalDate today = LocalDate.now(clock);
        checks.require(
                input.dateOfBirth() != null
                        && !input.dateOfBirth().isAfter(today)
                        && input.dateOfBirth().isAfter(today.minusYears(150)),
                "dateOfBirth");
        checks.require(input.sex() != null, "sex");
        Optional<String> nationalId = present(input.nationalId());
        Optional<String> passport = present(input.passportNumber());
        checks.require(nationalId.isPresent() || passport.isPresent(), "nationalId");
        String phone = checks.phone("phone", input.phone(), phones);
        Optional<String> email = present(input.email()).map(e -> checks.email("email", e));
        Optional<String> contactName =
                checks.optionalLine("emergencyContactName", present(input.emergencyContactName()));
        Optional<String> contactPhone = present(input.emergencyContactPhone());
        checks.require(contactName.isPresent() == contactPhone.isPresent(), "emergencyContact");
        Optional<PatientPersonalData.EmergencyContact> contact = contactName.flatMap(n -> contactPhone.map(
                p -> new PatientPersonalData.EmergencyContact(n, checks.phone("emergencyContactPhone", p, phones))));
        checks.throwIfInvalid();
        return new PatientPersonalData(
                nameAr, nameEn, input.dateOfBirth(), input.sex(), nationalId, passport, phone, email, contact);
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
