package com.clinic.directory.application.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientCommand.ErasePatient;
import com.clinic.directory.domain.patient.PatientCommand.RegisterPatient;
import com.clinic.directory.domain.patient.PatientCommand.UpdatePatient;
import com.clinic.directory.domain.patient.PatientEvent.PatientErased;
import com.clinic.directory.domain.patient.PatientEvent.PatientRegistered;
import com.clinic.directory.domain.patient.PatientEvent.PatientUpdated;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientAggregateTest {

    static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-000000000020");
    static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000021");
    static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final Ciphertext SEALED = new Ciphertext("c2VhbGVkLXByb2ZpbGU=");
    static final Ciphertext RESEALED = new Ciphertext("cmVzZWFsZWQtcHJvZmlsZQ==");
    static final Consents CONSENTS = new Consents(true, true, false, true);
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    static final PatientRegistered REGISTERED =
            new PatientRegistered(PATIENT, CLINIC, BRANCH, Optional.of(USER), SEALED, "ar", CONSENTS);

    private FixtureConfiguration<PatientAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PatientAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    @Test
    void aPatientIsRegisteredWithTheirProfileSealed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(PATIENT, CLINIC, BRANCH, Optional.of(USER), SEALED, "ar", CONSENTS))
                .expectEvents(REGISTERED);
    }

    @Test
    void staffMayRegisterAPatientWithoutAnAccount() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(PATIENT, CLINIC, BRANCH, Optional.empty(), SEALED, "en", Consents.none()))
                .expectEvents(new PatientRegistered(
                        PATIENT, CLINIC, BRANCH, Optional.empty(), SEALED, "en", Consents.none()));
    }

    @Test
    void onlyArabicAndEnglishArePreferredLanguages() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(PATIENT, CLINIC, BRANCH, Optional.empty(), SEALED, "fr", CONSENTS))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("patient.unsupported-language");
    }

    @Test
    void aRegisteredPatientIsUpdated() {
        Consents withdrawn = new Consents(true, true, false, false);
        fixture.given(REGISTERED)
                .when(new UpdatePatient(PATIENT, RESEALED, "en", withdrawn))
                .expectEvents(new PatientUpdated(PATIENT, RESEALED, "en", withdrawn))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anUpdateMustKeepASupportedLanguage() {
        fixture.given(REGISTERED)
                .when(new UpdatePatient(PATIENT, RESEALED, "de", CONSENTS))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("patient.unsupported-language");
    }

    @Test
    void aRegisteredPatientCanBeErasedOnce() {
        fixture.given(REGISTERED)
                .when(new ErasePatient(PATIENT, NOW))
                .expectEvents(new PatientErased(PATIENT, CLINIC, BRANCH, NOW))
                .expectResultMessagePayload(Optional.of(USER));
    }

    @Test
    void erasingAgainRecordsNothingAndStillNamesTheLinkedAccount() {
        fixture.given(REGISTERED, new PatientErased(PATIENT, CLINIC, BRANCH, NOW))
                .when(new ErasePatient(PATIENT, NOW.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Optional.of(USER))
                .expectNoEvents();
    }

    @Test
    void nothingNewCanBeRecordedAboutAnErasedPatient() {
        fixture.given(REGISTERED, new PatientErased(PATIENT, CLINIC, BRANCH, NOW))
                .when(new UpdatePatient(PATIENT, RESEALED, "ar", CONSENTS))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("patient.erased");
    }

    @Test
    void anUnknownPatientCannotBeErased() {
        fixture.givenNoPriorActivity()
                .when(new ErasePatient(PATIENT, NOW))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void theErasureEventCarriesNoPersonalData() {
        assertThat(Arrays.stream(PatientErased.class.getRecordComponents()).map(RecordComponent::getType))
                .doesNotContain(Ciphertext.class, String.class);
    }
}
