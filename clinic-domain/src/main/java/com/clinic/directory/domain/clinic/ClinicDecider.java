package com.clinic.directory.domain.clinic;

import com.clinic.directory.domain.clinic.ClinicCommand.CreateClinic;
import com.clinic.directory.domain.clinic.ClinicCommand.UpdateClinic;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicUpdated;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.util.List;

/** Clinics are created once and then updated; an update that changes nothing records nothing. */
public final class ClinicDecider implements Decider<ClinicCommand, ClinicEvent, ClinicState> {

    @Override
    public ClinicState initialState() {
        return new ClinicState.Absent();
    }

    @Override
    public List<ClinicEvent> decide(ClinicCommand command, ClinicState state) {
        return switch (command) {
            case CreateClinic create -> {
                if (state instanceof ClinicState.Existing) {
                    throw new Rejection.Conflict("clinic.already-exists", create.clinicId());
                }
                create.profile().checkComplete("clinic");
                yield List.of(new ClinicCreated(create.clinicId(), create.profile()));
            }
            case UpdateClinic update -> {
                ClinicState.Existing existing = existing(state);
                update.profile().checkComplete("clinic");
                yield existing.profile().equals(update.profile())
                        ? List.of()
                        : List.of(new ClinicUpdated(update.clinicId(), update.profile()));
            }
        };
    }

    @Override
    public ClinicState evolve(ClinicState state, ClinicEvent event) {
        return switch (event) {
            case ClinicCreated created -> new ClinicState.Existing(created.clinicId(), created.profile());
            case ClinicUpdated updated -> new ClinicState.Existing(updated.clinicId(), updated.profile());
        };
    }

    private static ClinicState.Existing existing(ClinicState state) {
        if (state instanceof ClinicState.Existing existing) {
            return existing;
        }
        throw new Rejection.NotFound("clinic.not-found");
    }
}
