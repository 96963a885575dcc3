package com.clinic.directory.domain.doctor;

import com.clinic.directory.domain.doctor.DoctorCommand.ActivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.DeactivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.RegisterDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.UpdateDoctorProfile;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorActivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorProfileUpdated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.util.List;

/**
 * Doctors are registered active, can be deactivated (they stay in the directory's history but stop
 * being bookable) and reactivated. Fees may only be set for branches the doctor works at.
 */
public final class DoctorDecider implements Decider<DoctorCommand, DoctorEvent, DoctorState> {

    @Override
    public DoctorState initialState() {
        return new DoctorState.Absent();
    }

    @Override
    public List<DoctorEvent> decide(DoctorCommand command, DoctorState state) {
        return switch (command) {
            case RegisterDoctor register -> {
                if (state instanceof DoctorState.Registered) {
                    throw new Rejection.Conflict("doctor.already-exists", register.doctorId());
                }
                register.profile().check();
                yield List.of(new DoctorRegistered(
                        register.doctorId(), register.userId(), register.clinicId(), register.profile()));
            }
            case UpdateDoctorProfile update -> {
                DoctorState.Registered doctor = registered(state);
                update.profile().check();
                yield doctor.profile().equals(update.profile())
                        ? List.of()
                        : List.of(new DoctorProfileUpdated(update.doctorId(), update.profile()));
            }
            case DeactivateDoctor deactivate -> {
                if (!registered(state).active()) {
                    throw new Rejection.Conflict("doctor.already-inactive");
                }
                yield List.of(new DoctorDeactivated(deactivate.doctorId()));
            }
            case ActivateDoctor activate -> {
                if (registered(state).active()) {
                    throw new Rejection.Conflict("doctor.already-active");
                }
                yield List.of(new DoctorActivated(activate.doctorId()));
            }
        };
    }

    @Override
    public DoctorState evolve(DoctorState state, DoctorEvent event) {
        return switch (event) {
            case DoctorRegistered registered ->
                new DoctorState.Registered(
                        registered.doctorId(), registered.userId(), registered.clinicId(), registered.profile(), true);
            case DoctorProfileUpdated updated -> registered(state).with(updated.profile());
            case DoctorDeactivated deactivated -> registered(state).active(false);
            case DoctorActivated activated -> registered(state).active(true);
        };
    }

    private static DoctorState.Registered registered(DoctorState state) {
        if (state instanceof DoctorState.Registered registered) {
            return registered;
        }
        throw new Rejection.NotFound("doctor.not-found");
    }
}
