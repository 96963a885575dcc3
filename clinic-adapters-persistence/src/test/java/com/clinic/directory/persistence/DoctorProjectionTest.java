package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_FEE;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_LANGUAGE;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_SPECIALTY;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.domain.doctor.DoctorEvent.DoctorActivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorProfileUpdated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class DoctorProjectionTest {

    private final DSLContext db;
    private final DoctorProjection projection;
    private final UUID doctor = UUID.randomUUID();
    private final UUID olaya = UUID.randomUUID();
    private final UUID malaz = UUID.randomUUID();

    DoctorProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new DoctorProjection(db);
    }

    @Test
    void aRegisteredDoctorIsActiveWithTheirBranchesSpecialtiesLanguagesAndFees() {
        projection.on(registered(Set.of(olaya, malaz), Set.of("dermatology", "cosmetics"), Set.of("ar", "en")), 0);

        assertThat(db.fetchSingle(DOCTOR_VIEW, DOCTOR_VIEW.DOCTOR_ID.eq(doctor)).getActive())
                .isTrue();
        assertThat(db.select(DOCTOR_BRANCH.BRANCH_ID).from(DOCTOR_BRANCH).fetch(DOCTOR_BRANCH.BRANCH_ID))
                .containsExactlyInAnyOrder(olaya, malaz);
        assertThat(db.select(DOCTOR_SPECIALTY.SPECIALTY).from(DOCTOR_SPECIALTY).fetch(DOCTOR_SPECIALTY.SPECIALTY))
                .containsExactlyInAnyOrder("dermatology", "cosmetics");
        assertThat(db.select(DOCTOR_LANGUAGE.LANGUAGE).from(DOCTOR_LANGUAGE).fetch(DOCTOR_LANGUAGE.LANGUAGE))
                .containsExactlyInAnyOrder("ar", "en");
        assertThat(db.select(DOCTOR_FEE.AMOUNT).from(DOCTOR_FEE).fetch(DOCTOR_FEE.AMOUNT))
                .allSatisfy(amount -> assertThat(amount).isEqualByComparingTo(new BigDecimal("150")));
    }

    @Test
    void anUpdatedProfileReplacesTheDetailsRatherThanAddingToThem() {
        projection.on(registered(Set.of(olaya, malaz), Set.of("dermatology"), Set.of("ar")), 0);

        projection.on(
                new DoctorProfileUpdated(
                        doctor, Directory.doctor("Dr Renamed", Set.of(malaz), Set.of("paediatrics"), Set.of("en"))),
                1);

        assertThat(db.fetchSingle(DOCTOR_VIEW, DOCTOR_VIEW.DOCTOR_ID.eq(doctor)).getNameEn())
                .isEqualTo("Dr Renamed");
        assertThat(db.select(DOCTOR_BRANCH.BRANCH_ID).from(DOCTOR_BRANCH).fetch(DOCTOR_BRANCH.BRANCH_ID))
                .containsExactly(malaz);
        assertThat(db.select(DOCTOR_SPECIALTY.SPECIALTY).from(DOCTOR_SPECIALTY).fetch(DOCTOR_SPECIALTY.SPECIALTY))
                .containsExactly("paediatrics");
        assertThat(db.select(DOCTOR_LANGUAGE.LANGUAGE).from(DOCTOR_LANGUAGE).fetch(DOCTOR_LANGUAGE.LANGUAGE))
                .containsExactly("en");
        assertThat(db.select(DOCTOR_FEE.BRANCH_ID).from(DOCTOR_FEE).fetch(DOCTOR_FEE.BRANCH_ID))
                .containsExactly(malaz);
    }

    @Test
    void anOldProfileDeliveredAgainDoesNotBringBackTheReplacedDetails() {
        DoctorRegistered registered = registered(Set.of(olaya), Set.of("dermatology"), Set.of("ar"));
        projection.on(registered, 0);
        projection.on(
                new DoctorProfileUpdated(
                        doctor, Directory.doctor("Dr Moved", Set.of(malaz), Set.of("dermatology"), Set.of("ar"))),
                1);

        projection.on(registered, 0);

        assertThat(db.select(DOCTOR_BRANCH.BRANCH_ID).from(DOCTOR_BRANCH).fetch(DOCTOR_BRANCH.BRANCH_ID))
                .containsExactly(malaz);
        assertThat(db.fetchSingle(DOCTOR_VIEW, DOCTOR_VIEW.DOCTOR_ID.eq(doctor)).getNameEn())
                .isEqualTo("Dr Moved");
    }

    @Test
    void deactivationAndReactivationToggleTheDoctorAndARedeliveredDeactivationIsIgnored() {
        projection.on(registered(Set.of(olaya), Set.of("dermatology"), Set.of("ar")), 0);
        DoctorDeactivated deactivated = new DoctorDeactivated(doctor);

        projection.on(deactivated, 1);
        assertThat(active()).isFalse();
        projection.on(new DoctorActivated(doctor), 2);
        projection.on(deactivated, 1);

        assertThat(active()).isTrue();
        assertThat(db.fetchSingle(DOCTOR_VIEW, DOCTOR_VIEW.DOCTOR_ID.eq(doctor)).getVersion())
                .isEqualTo(2);
    }

    @Test
    void aResetEmptiesTheDoctorAndEveryDetailTable() {
        projection.on(registered(Set.of(olaya), Set.of("dermatology"), Set.of("ar")), 0);

        projection.reset();

        assertThat(db.fetchCount(DOCTOR_VIEW)
                        + db.fetchCount(DOCTOR_BRANCH)
                        + db.fetchCount(DOCTOR_SPECIALTY)
                        + db.fetchCount(DOCTOR_LANGUAGE)
                        + db.fetchCount(DOCTOR_FEE))
                .isZero();
    }

    private DoctorRegistered registered(Set<UUID> branches, Set<String> specialties, Set<String> languages) {
        return new DoctorRegistered(
                doctor,
                UUID.randomUUID(),
                UUID.randomUUID(),
                Directory.doctor("Dr Layla", branches, specialties, languages));
    }

    private boolean active() {
        return db.fetchSingle(DOCTOR_VIEW, DOCTOR_VIEW.DOCTOR_ID.eq(doctor)).getActive();
    }
}
