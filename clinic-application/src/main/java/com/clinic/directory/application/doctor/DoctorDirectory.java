package com.clinic.directory.application.doctor;

import com.clinic.directory.application.DirectoryOperation;
import com.clinic.directory.application.FieldChecks;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.DirectoryReadModel;
import com.clinic.directory.application.port.DoctorReadModel;
import com.clinic.directory.application.port.DoctorView;
import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.doctor.DoctorCommand.ActivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.DeactivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.RegisterDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.UpdateDoctorProfile;
import com.clinic.directory.domain.doctor.DoctorProfile;
import com.clinic.directory.domain.doctor.Fee;
import com.clinic.identity.UserAccounts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Doctors. ADMIN, or the MANAGER of the doctor's clinic, registers and changes them; a doctor is
 * always linked to an existing DOCTOR account and works at branches of their own clinic only.
 */
@Service
public class DoctorDirectory {

    private static final Pattern SPECIALTY = Pattern.compile("[a-z0-9][a-z0-9-]{1,49}");

    private final Commands commands;
    private final DoctorReadModel doctors;
    private final DirectoryReadModel sites;
    private final UserAccounts accounts;
    private final IdGenerator ids;
    private final AccessPolicy access;

    public DoctorDirectory(
            Commands commands,
            DoctorReadModel doctors,
            DirectoryReadModel sites,
            UserAccounts accounts,
            IdGenerator ids,
            AccessPolicy access) {
        this.access = access;
        this.commands = commands;
        this.doctors = doctors;
        this.sites = sites;
        this.accounts = accounts;
        this.ids = ids;
    }

    public DoctorView register(Actor actor, UUID userId, UUID clinicId, DoctorInput input) {
        access.require(actor, DirectoryOperation.ADMINISTER_CLINIC, Target.clinic(clinicId));
        if (sites.clinic(clinicId).isEmpty()) {
            throw new Rejection.NotFound("clinic.not-found");
        }
        UserAccounts.AccountSummary account = accounts.find(userId)
                .filter(found -> found.role() == Role.DOCTOR)
                .orElseThrow(() -> new Rejection.RuleViolated("doctor.account-not-a-doctor", userId));
        if (account.clinicId()
                .filter(accountClinic -> !accountClinic.equals(clinicId))
                .isPresent()) {
            throw new Rejection.RuleViolated("doctor.account-of-another-clinic", userId);
        }
        if (doctors.doctorOfUser(account.userId()).isPresent()) {
            throw new Rejection.Conflict("doctor.account-already-linked", userId);
        }
        DoctorProfile profile = profile(clinicId, input);
        UUID doctorId = ids.next();
        commands.send(new RegisterDoctor(doctorId, userId, clinicId, profile));
        return view(doctorId, userId, clinicId, profile, true, 0);
    }

    public long update(Actor actor, UUID doctorId, DoctorInput input, Optional<Long> expectedVersion) {
        DoctorView doctor = administeredDoctor(actor, doctorId);
        return commands.send(new UpdateDoctorProfile(doctorId, profile(doctor.clinicId(), input)), expectedVersion);
    }

    public long deactivate(Actor actor, UUID doctorId, Optional<Long> expectedVersion) {
        administeredDoctor(actor, doctorId);
        return commands.send(new DeactivateDoctor(doctorId), expectedVersion);
    }

    public long activate(Actor actor, UUID doctorId, Optional<Long> expectedVersion) {
        administeredDoctor(actor, doctorId);
        return commands.send(new ActivateDoctor(doctorId), expectedVersion);
    }

    /** The role is checked before the doctor is looked up, so an unknown id tells a patient nothing. */
    private DoctorView administeredDoctor(Actor actor, UUID doctorId) {
        access.requireRole(actor, DirectoryOperation.ADMINISTER_CLINIC);
        DoctorView doctor = doctor(doctorId);
        access.require(actor, DirectoryOperation.ADMINISTER_CLINIC, Target.clinic(doctor.clinicId()));
        return doctor;
    }

    public DoctorView doctor(UUID doctorId) {
        return doctors.doctor(doctorId).orElseThrow(() -> new Rejection.NotFound("doctor.not-found"));
    }

    public Page<DoctorView> search(DoctorReadModel.Search search, PageRequest page) {
        return doctors.search(
                new DoctorReadModel.Search(
                        search.specialty().map(DoctorDirectory::normalizeCode),
                        search.branchId(),
                        search.language().map(DoctorDirectory::normalizeCode),
                        search.name().map(String::strip).filter(name -> !name.isEmpty()),
                        search.clinicId(),
                        search.active()),
                page);
    }

    private DoctorProfile profile(UUID clinicId, DoctorInput input) {
        FieldChecks checks = new FieldChecks();
        String nameAr = checks.notBlank("nameAr", input.nameAr());
        String nameEn = checks.notBlank("nameEn", input.nameEn());
        Set<UUID> branchIds = input.branchIds() == null ? Set.of() : input.branchIds();
        checks.require(!branchIds.isEmpty(), "branchIds");
        Set<String> specialties = new TreeSet<>();
        for (String specialty : input.specialties() == null ? Set.<String>of() : input.specialties()) {
            String code = normalizeCode(specialty);
            checks.require(SPECIALTY.matcher(code).matches(), "specialties");
            specialties.add(code);
        }
        Set<String> languages = new TreeSet<>();
        for (String language : input.languages() == null ? Set.<String>of() : input.languages()) {
            languages.add(checks.language("languages", normalizeCode(language)));
        }
        List<Fee> fees = new ArrayList<>();
        List<DoctorInput.FeeInput> feeInputs = input.fees() == null ? List.of() : input.fees();
        for (int i = 0; i < feeInputs.size(); i++) {
            DoctorInput.FeeInput fee = feeInputs.get(i);
            checks.require(fee.branchId() != null, "fees[" + i + "].branchId");
            checks.require(fee.amount() != null && fee.amount().signum() >= 0, "fees[" + i + "].amount");
            checks.currency("fees[" + i + "].currency", fee.currency());
            if (fee.branchId() != null && fee.amount() != null) {
                fees.add(new Fee(fee.branchId(), fee.amount(), String.valueOf(fee.currency())));
            }
        }
        String bioAr = blankIfNull(checks.text("bioAr", input.bioAr()));
        String bioEn = blankIfNull(checks.text("bioEn", input.bioEn()));
        checks.throwIfInvalid();
        for (UUID branchId : branchIds) {
            Optional<BranchView> branch = sites.branch(branchId);
            if (branch.isEmpty() || !branch.get().clinicId().equals(clinicId)) {
                throw new Rejection.RuleViolated("doctor.branch-not-in-clinic", branchId);
            }
        }
        fees.sort(Comparator.comparing(Fee::branchId));
        return new DoctorProfile(
                new BilingualText(nameAr, nameEn),
                branchIds,
                specialties,
                languages,
                fees,
                new BilingualText(bioAr, bioEn));
    }

    private static String normalizeCode(String code) {
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text.strip();
    }

    private static DoctorView view(
            UUID doctorId, UUID userId, UUID clinicId, DoctorProfile profile, boolean active, long version) {
        return new DoctorView(
                doctorId,
                userId,
                clinicId,
                profile.name().ar(),
                profile.name().en(),
                profile.branchIds().stream().sorted().toList(),
                profile.specialties().stream().sorted().toList(),
                profile.languages().stream().sorted().toList(),
                profile.fees().stream()
                        .map(fee -> new DoctorView.FeeView(fee.branchId(), fee.amount(), fee.currency()))
                        .toList(),
                profile.bio().ar(),
                profile.bio().en(),
                active,
                version);
    }
}
