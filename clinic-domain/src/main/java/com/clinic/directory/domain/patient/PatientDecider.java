package com.clinic.directory.domain.patient;

import com.clinic.directory.domain.patient.PatientCommand.ErasePatient;
import com.clinic.directory.domain.patient.PatientCommand.RegisterPatient;
import com.clinic.directory.domain.patient.PatientCommand.UpdatePatient;
import com.clinic.directory.domain.patient.PatientEvent.PatientErased;
import com.clinic.directory.domain.patient.PatientEvent.PatientRegistered;
import com.clinic.directory.domain.patient.PatientEvent.PatientUpdated;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Patients are registered, updated, and erased; an erased record accepts nothing further, since no
 * new personal data may ever be sealed for someone who asked to be forgotten. Erasing again is a
 * harmless no-op, so a retried erasure succeeds without a second event.
 */
public final class PatientDecider implements Decider<PatientCommand, PatientEvent, PatientState> {

    /** The languages the clinic communicates in. */
    public static final Set<String> LANGUAGES = Set.of("ar", "en");

    @Override
    public PatientState initialState() {
        return new PatientState.Absent();
    }

    @Override
    public List<PatientEvent> decide(PatientCommand command, PatientState state) {
        return switch (command) {
            case RegisterPatient register -> {
                if (!(state instanceof PatientState.Absent)) {
                    throw new Rejection.Conflict("patient.already-exists", register.patientId());
                }
                checkLanguage(register.preferredLanguage());
                yield List.of(new PatientRegistered(
                        register.patientId(),
                        register.clinicId(),
                        register.homeBranchId(),
                        register.userId(),
                        register.profile(),
                        register.preferredLanguage(),
                        register.consents()));
            }
            case UpdatePatient update -> {
                registered(state);
                checkLanguage(update.preferredLanguage());
                yield List.of(new PatientUpdated(
                        update.patientId(), update.profile(), update.preferredLanguage(), update.consents()));
            }
            case ErasePatient erase -> {
                if (state instanceof PatientState.Erased) {
                    // A retry (or re-applying the erasure ledger after a restore) records nothing new.
                    yield List.of();
                }
                PatientState.Registered patient = registered(state);
                yield List.of(new PatientErased(
                        erase.patientId(), patient.clinicId(), patient.homeBranchId(), erase.erasedAt()));
            }
        };
    }

    @Override
    public PatientState evolve(PatientState state, PatientEvent event) {
        return switch (event) {
            case PatientRegistered registered ->
                new PatientState.Registered(
                        registered.patientId(), registered.clinicId(), registered.homeBranchId(), registered.userId());
            case PatientUpdated updated -> state;
            case PatientErased erased -> new PatientState.Erased(erased.patientId(), linkedUser(state));
        };
    }

    private static PatientState.Registered registered(PatientState state) {
        return switch (state) {
            case PatientState.Registered registered -> registered;
            case PatientState.Erased erased -> throw new Rejection.Conflict("patient.erased");
            case PatientState.Absent absent -> throw new Rejection.NotFound("patient.not-found");
        };
    }

    private static Optional<UUID> linkedUser(PatientState state) {
        return state instanceof PatientState.Registered registered ? registered.userId() : Optional.empty();
    }

    private static void checkLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new Rejection.RuleViolated("patient.unsupported-language", language);
        }
    }
}
