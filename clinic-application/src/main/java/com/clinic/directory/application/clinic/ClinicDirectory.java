package com.clinic.directory.application.clinic;

import com.clinic.directory.application.DirectoryOperation;
import com.clinic.directory.application.FieldChecks;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.directory.application.port.DirectoryReadModel;
import com.clinic.directory.application.port.PhoneNumbers;
import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.branch.BranchCommand.OpenBranch;
import com.clinic.directory.domain.branch.BranchCommand.UpdateBranch;
import com.clinic.directory.domain.clinic.ClinicCommand.CreateClinic;
import com.clinic.directory.domain.clinic.ClinicCommand.UpdateClinic;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Clinics and branches. ADMIN creates clinics; ADMIN or the clinic's MANAGER updates it and opens
 * or updates its branches; every authenticated user may read the directory.
 */
@Service
public class ClinicDirectory {

    private final Commands commands;
    private final AccessPolicy access;
    private final DirectoryReadModel readModel;
    private final PhoneNumbers phones;
    private final IdGenerator ids;

    public ClinicDirectory(
            Commands commands,
            DirectoryReadModel readModel,
            PhoneNumbers phones,
            IdGenerator ids,
            AccessPolicy access) {
        this.access = access;
        this.commands = commands;
        this.readModel = readModel;
        this.phones = phones;
        this.ids = ids;
    }

    public ClinicView createClinic(Actor actor, SiteInput input) {
        access.requireRole(actor, DirectoryOperation.CREATE_CLINIC);
        SiteProfile profile = profile(input, Optional.empty());
        UUID clinicId = ids.next();
        commands.send(new CreateClinic(clinicId, profile));
        return clinicView(clinicId, profile, 0);
    }

    public long updateClinic(Actor actor, UUID clinicId, SiteInput input, Optional<Long> expectedVersion) {
        access.require(actor, DirectoryOperation.ADMINISTER_CLINIC, Target.clinic(clinicId));
        return commands.send(new UpdateClinic(clinicId, profile(input, Optional.empty())), expectedVersion);
    }

    public ClinicView clinic(UUID clinicId) {
        return readModel.clinic(clinicId).orElseThrow(() -> new Rejection.NotFound("clinic.not-found"));
    }

    public Page<ClinicView> clinics(PageRequest page) {
        return readModel.clinics(page);
    }

    public BranchView openBranch(Actor actor, UUID clinicId, SiteInput input) {
        access.require(actor, DirectoryOperation.ADMINISTER_CLINIC, Target.clinic(clinicId));
        ClinicView clinic = clinic(clinicId);
        SiteProfile profile = profile(input, Optional.of(clinic.currency()));
        UUID branchId = ids.next();
        commands.send(new OpenBranch(branchId, clinicId, profile));
        return branchView(branchId, clinicId, profile, 0);
    }

    public long updateBranch(
            Actor actor, UUID clinicId, UUID branchId, SiteInput input, Optional<Long> expectedVersion) {
        access.require(actor, DirectoryOperation.ADMINISTER_CLINIC, Target.clinic(clinicId));
        BranchView branch = branch(clinicId, branchId);
        Optional<String> clinicCurrency = input.currency().isPresent()
                ? Optional.empty()
                : Optional.of(clinic(clinicId).currency());
        return commands.send(new UpdateBranch(branch.id(), profile(input, clinicCurrency)), expectedVersion);
    }

    /** The branch, provided it belongs to that clinic (a branch id under the wrong clinic is not found). */
    public BranchView branch(UUID clinicId, UUID branchId) {
        return readModel
                .branch(branchId)
                .filter(branch -> branch.clinicId().equals(clinicId))
                .orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
    }

    public Optional<BranchView> branch(UUID branchId) {
        return readModel.branch(branchId);
    }

    public Page<BranchView> branches(UUID clinicId, PageRequest page) {
        clinic(clinicId);
        return readModel.branches(clinicId, page);
    }

    private SiteProfile profile(SiteInput input, Optional<String> defaultCurrency) {
        FieldChecks checks = new FieldChecks();
        String nameAr = checks.notBlank("nameAr", input.nameAr());
        String nameEn = checks.notBlank("nameEn", input.nameEn());
        String address = checks.notBlank("address", input.address());
        String phone = checks.phone("phone", input.phone(), phones);
        String timeZone = checks.timeZone("timeZone", input.timeZone());
        String currency = checks.currency(
                "currency", input.currency().or(() -> defaultCurrency).orElse(null));
        checks.require(input.workingDays() != null && !input.workingDays().isEmpty(), "workingDays");
        checks.throwIfInvalid();
        return new SiteProfile(
                new BilingualText(nameAr, nameEn), address, phone, timeZone, currency, input.workingDays());
    }

    private static ClinicView clinicView(UUID clinicId, SiteProfile profile, long version) {
        return new ClinicView(
                clinicId,
                profile.name().ar(),
                profile.name().en(),
                profile.address(),
                profile.phoneE164(),
                profile.timeZone(),
                profile.currency(),
                profile.workingDays(),
                version);
    }

    private static BranchView branchView(UUID branchId, UUID clinicId, SiteProfile profile, long version) {
        return new BranchView(
                branchId,
                clinicId,
                profile.name().ar(),
                profile.name().en(),
                profile.address(),
                profile.phoneE164(),
                profile.timeZone(),
                profile.currency(),
                profile.workingDays(),
                version);
    }
}
