package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.CreateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.DeactivateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.UpdateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeDeactivated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeUpdated;
import com.clinic.scheduling.domain.availability.AppointmentTypeState.Defined;
import com.clinic.scheduling.domain.availability.AppointmentTypeState.None;
import java.util.List;

/**
 * The rules of an appointment type. The values themselves are checked where they are built
 * ({@link BookingRules}, {@link Price}, {@link BilingualName}); here only the lifecycle: a
 * deactivated type cannot be changed, and an update that changes nothing records nothing.
 */
public final class AppointmentTypeDecider
        implements Decider<AppointmentTypeCommand, AppointmentTypeEvent, AppointmentTypeState> {

    @Override
    public AppointmentTypeState initialState() {
        return new None();
    }

    @Override
    public List<AppointmentTypeEvent> decide(AppointmentTypeCommand command, AppointmentTypeState state) {
        return switch (command) {
            case CreateAppointmentType create -> create(create, state);
            case UpdateAppointmentType update -> update(update, state);
            case DeactivateAppointmentType deactivate -> deactivate(deactivate, state);
        };
    }

    @Override
    public AppointmentTypeState evolve(AppointmentTypeState state, AppointmentTypeEvent event) {
        return switch (event) {
            case AppointmentTypeCreated created ->
                new Defined(
                        created.clinicId(), created.name(), created.rules(), created.virtual(), created.price(), true);
            case AppointmentTypeUpdated updated ->
                new Defined(
                        updated.clinicId(), updated.name(), updated.rules(), updated.virtual(), updated.price(), true);
            case AppointmentTypeDeactivated deactivated -> {
                Defined defined = (Defined) state;
                yield new Defined(
                        defined.clinicId(), defined.name(), defined.rules(), defined.virtual(), defined.price(), false);
            }
        };
    }

    private static List<AppointmentTypeEvent> create(CreateAppointmentType create, AppointmentTypeState state) {
        if (!(state instanceof None)) {
            throw new Rejection.Conflict("appointment-type.exists");
        }
        return List.of(new AppointmentTypeCreated(
                create.appointmentTypeId(),
                create.clinicId(),
                create.name(),
                create.rules(),
                create.virtual(),
                create.price(),
                create.requestedBy(),
                create.at()));
    }

    private static List<AppointmentTypeEvent> update(UpdateAppointmentType update, AppointmentTypeState state) {
        Defined current = existing(state);
        if (!current.active()) {
            throw new Rejection.Conflict("appointment-type.inactive");
        }
        if (current.name().equals(update.name())
                && current.rules().equals(update.rules())
                && current.virtual() == update.virtual()
                && current.price().equals(update.price())) {
            return List.of();
        }
        return List.of(new AppointmentTypeUpdated(
                update.appointmentTypeId(),
                current.clinicId(),
                update.name(),
                update.rules(),
                update.virtual(),
                update.price(),
                update.requestedBy(),
                update.at()));
    }

    private static List<AppointmentTypeEvent> deactivate(
            DeactivateAppointmentType deactivate, AppointmentTypeState state) {
        Defined current = existing(state);
        if (!current.active()) {
            return List.of();
        }
        return List.of(new AppointmentTypeDeactivated(
                deactivate.appointmentTypeId(), current.clinicId(), deactivate.requestedBy(), deactivate.at()));
    }

    private static Defined existing(AppointmentTypeState state) {
        return switch (state) {
            case Defined defined -> defined;
            case None none -> throw new Rejection.NotFound("appointment-type.not-found");
        };
    }
}
