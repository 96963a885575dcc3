package com.clinic.scheduling.persistence.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeDeactivated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqAppointmentTypesTest {

    private final AppointmentTypeProjection projection;
    private final JooqAppointmentTypes types;
    private final UUID clinic = UUID.randomUUID();

    JooqAppointmentTypesTest(DSLContext db) {
        this.projection = new AppointmentTypeProjection(db);
        this.types = new JooqAppointmentTypes(db);
    }

    @Test
    void aTypeReadsBackWithTheRulesItWasCreatedWith() {
        UUID type = UUID.randomUUID();
        projection.on(AppointmentTypes.created(type, clinic, "Follow-up"), 0);

        assertThat(types.find(type))
                .contains(new AppointmentTypeView(
                        type,
                        clinic,
                        "استشارة Follow-up",
                        "Follow-up",
                        AppointmentTypes.CONSULTATION,
                        true,
                        new BigDecimal("250.500"),
                        "KWD",
                        true,
                        0));
        assertThat(types.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aClinicsTypesAreListedByNameWithTheInactiveOnesOnlyWhenAskedFor() {
        UUID retired = UUID.randomUUID();
        projection.on(AppointmentTypes.created(UUID.randomUUID(), clinic, "Vaccination"), 0);
        projection.on(AppointmentTypes.created(UUID.randomUUID(), clinic, "Check-up"), 0);
        projection.on(AppointmentTypes.created(retired, clinic, "Dressing"), 0);
        projection.on(new AppointmentTypeDeactivated(retired, clinic, UUID.randomUUID(), Instant.now()), 1);
        projection.on(AppointmentTypes.created(UUID.randomUUID(), UUID.randomUUID(), "Elsewhere"), 0);

        assertThat(types.ofClinic(clinic, false))
                .extracting(AppointmentTypeView::nameEn)
                .containsExactly("Check-up", "Vaccination");
        assertThat(types.ofClinic(clinic, true))
                .extracting(AppointmentTypeView::nameEn)
                .containsExactly("Check-up", "Dressing", "Vaccination");
    }
}
