package com.clinic.directory.domain.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.domain.patient.PatientCommand.ErasePatient;
import com.clinic.directory.domain.patient.PatientCommand.RegisterPatient;
import com.clinic.directory.domain.patient.PatientCommand.UpdatePatient;
import com.clinic.directory.domain.patient.PatientEvent.PatientErased;
import com.clinic.directory.domain.patient.PatientEvent.PatientRegistered;
import com.clinic.directory.domain.patient.PatientEvent.PatientUpdated;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientDeciderTest {

    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-000000000020");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-000000000002");
    private static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000021");
    private static final Ciphertext SEALED = new Ciphertext("c2VhbGVk");
    private static final Ciphertext RESEALED = new Ciphertext("cmVzZWFsZWQ=");
    private static final Consents CONSENTS = new Consents(true, true, false, true);
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final PatientDecider DECIDER = new PatientDecider();

    private final DeciderSpecification<PatientCommand, PatientEvent, PatientState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static final PatientRegistered REGISTERED =
            new PatientRegistered(PATIENT, CLINIC, BRANCH, Optional.of(USER), SEALED, "ar", CONSENTS);
    private static final PatientErased ERASED = new PatientErased(PATIENT, CLINIC, BRANCH, NOW);

    private static RegisterPatient register(String language) {
        return new RegisterPatient(PATIENT, CLINIC, BRANCH, Optional.of(USER), SEALED, language, CONSENTS);
    }

    @Test
    void aPatientIsRegisteredWithTheirSealedProfileAndLinkedAccount() {
        spec.when(register("ar"))
                .then(REGISTERED)
                .andState(new PatientState.Registered(PATIENT, CLINIC, BRANCH, Optional.of(USER)));
    }

    @Test
    void aPatientIsRegisteredOnlyOnceEvenAfterErasure() {
        spec.given(REGISTERED).when(register("ar")).thenRejects(Rejection.Conflict.class, "patient.already-exists");
        spec.given(REGISTERED, ERASED)
                .when(register("ar"))
                .thenRejects(Rejection.Conflict.class, "patient.already-exists");
    }

    @Test
    void onlyTheClinicsLanguagesArePreferred() {
        Rejection rejection =
                spec.when(register("de")).thenRejects(Rejection.RuleViolated.class, "patient.unsupported-language");

        assertThat(rejection.arguments()).containsExactly("de");
    }

    @Test
    void everyUpdateIsRecordedSinceResealedDataNeverComparesEqual() {
        Consents withdrawn = new Consents(true, true, false, false);
        spec.given(REGISTERED)
                .when(new UpdatePatient(PATIENT, RESEALED, "en", withdrawn))
                .then(new PatientUpdated(PATIENT, RESEALED, "en", withdrawn));
        spec.given(REGISTERED)
                .when(new UpdatePatient(PATIENT, SEALED, "ar", CONSENTS))
                .then(new PatientUpdated(PATIENT, SEALED, "ar", CONSENTS));
    }

    @Test
    void anUpdateMustKeepASupportedLanguage() {
        spec.given(REGISTERED)
                .when(new UpdatePatient(PATIENT, RESEALED, "fr", CONSENTS))
                .thenRejects(Rejection.RuleViolated.class, "patient.unsupported-language");
    }

    @Test
    void nothingNewIsRecordedAboutAnErasedPatient() {
        spec.given(REGISTERED, ERASED)
                .when(new UpdatePatient(PATIENT, RESEALED, "en", CONSENTS))
                .thenRejects(Rejection.Conflict.class, "patient.erased");
    }

    @Test
    void anUnknownPatientIsNotFound() {
        spec.when(new UpdatePatient(PATIENT, RESEALED, "en", CONSENTS))
                .thenRejects(Rejection.NotFound.class, "patient.not-found");
        spec.when(new ErasePatient(PATIENT, NOW)).thenRejects(Rejection.NotFound.class, "patient.not-found");
    }

    @Test
    void erasureNamesTheClinicAndBranchAndKeepsTheLinkedAccountForARetry() {
        spec.given(REGISTERED)
                .when(new ErasePatient(PATIENT, NOW))
                .then(ERASED)
                .andState(new PatientState.Erased(PATIENT, Optional.of(USER)));
    }

    @Test
    void erasingAgainIsAHarmlessRetry() {
        spec.given(REGISTERED, ERASED)
                .when(new ErasePatient(PATIENT, NOW.plusSeconds(60)))
                .thenNothing();
    }
}
