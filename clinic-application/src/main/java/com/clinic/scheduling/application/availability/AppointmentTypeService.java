package com.clinic.scheduling.application.availability;

import com.clinic.directory.DirectoryFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.CreateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.DeactivateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.UpdateAppointmentType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Appointment types of a clinic. ADMIN or the clinic's MANAGER defines and changes them; every
 * signed-in user may read the active ones (patients choose a type when they book).
 */
@Service
public class AppointmentTypeService {

    private final Commands commands;
    private final AppointmentTypeReadModel readModel;
    private final DirectoryFacts directory;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccessPolicy access;

    AppointmentTypeService(
            Commands commands,
            AppointmentTypeReadModel readModel,
            DirectoryFacts directory,
            IdGenerator ids,
            Clock clock,
            AccessPolicy access) {
        this.access = access;
        this.commands = commands;
        this.readModel = readModel;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    public AppointmentTypeView create(Actor actor, UUID clinicId, AppointmentTypeInput input) {
        access.require(actor, SchedulingOperation.ADMINISTER_APPOINTMENT_TYPES, Target.clinic(clinicId));
        if (!directory.clinicExists(clinicId)) {
            throw new Rejection.NotFound("clinic.not-found");
        }
        UUID typeId = ids.next();
        commands.send(new CreateAppointmentType(
                typeId,
                clinicId,
                input.name(),
                input.rules(),
                input.virtual(),
                input.price(),
                actor.userId(),
                clock.instant()));
        return new AppointmentTypeView(
                typeId,
                clinicId,
                input.name().ar(),
                input.name().en(),
                input.rules(),
                input.virtual(),
                input.price().amount(),
                input.price().currency(),
                true,
                0);
    }

    public long update(Actor actor, UUID typeId, AppointmentTypeInput input, Optional<Long> expectedVersion) {
        access.requireRole(actor, SchedulingOperation.ADMINISTER_APPOINTMENT_TYPES);
        AppointmentTypeView type = get(typeId);
        access.require(actor, SchedulingOperation.ADMINISTER_APPOINTMENT_TYPES, Target.clinic(type.clinicId()));
        return commands.send(
                new UpdateAppointmentType(
                        typeId,
                        input.name(),
                        input.rules(),
                        input.virtual(),
                        input.price(),
                        actor.userId(),
                        clock.instant()),
                expectedVersion);
    }

    public long deactivate(Actor actor, UUID typeId, Optional<Long> expectedVersion) {
        access.requireRole(actor, SchedulingOperation.ADMINISTER_APPOINTMENT_TYPES);
        AppointmentTypeView type = get(typeId);
        access.require(actor, SchedulingOperation.ADMINISTER_APPOINTMENT_TYPES, Target.clinic(type.clinicId()));
        return commands.send(new DeactivateAppointmentType(typeId, actor.userId(), clock.instant()), expectedVersion);
    }

    public AppointmentTypeView get(UUID typeId) {
        return readModel.find(typeId).orElseThrow(() -> new Rejection.NotFound("appointment-type.not-found"));
    }

    /**
     * The clinic's types; without a clinic, the caller's own. Inactive types are listed only for
     * those who administer them.
     */
    public List<AppointmentTypeView> list(Actor actor, Optional<UUID> clinicId, boolean includeInactive) {
        UUID clinic = clinicId.or(actor::clinicId)
                .orElseThrow(() -> new Rejection.RuleViolated("appointment-type.clinic-required"));
        return readModel.ofClinic(
                clinic,
                includeInactive
                        && access.permits(
                                actor, SchedulingOperation.ADMINISTER_APPOINTMENT_TYPES, Target.clinic(clinic)));
    }
}
