package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.directory.persistence.jooq.Tables.CLINIC_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.branch.BranchEvent.BranchUpdated;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicUpdated;
import com.clinic.directory.persistence.jooq.tables.records.BranchViewRecord;
import com.clinic.directory.persistence.jooq.tables.records.ClinicViewRecord;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.ZoneId;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class ClinicProjectionTest {

    private final DSLContext db;
    private final ClinicProjection projection;

    ClinicProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new ClinicProjection(db);
    }

    @Test
    void aCreatedClinicIsStoredWithItsZoneAsTheIanaIdAndItsWorkingDaysInIsoWeekOrder() {
        UUID clinic = UUID.randomUUID();

        projection.on(new ClinicCreated(clinic, Directory.site("Riyadh Care", "Asia/Riyadh")), 0);

        ClinicViewRecord row = db.fetchSingle(CLINIC_VIEW, CLINIC_VIEW.CLINIC_ID.eq(clinic));
        assertThat(row.getNameEn()).isEqualTo("Riyadh Care");
        assertThat(row.getNameAr()).isEqualTo("فرع Riyadh Care");
        assertThat(row.getTimeZone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
        assertThat(db.fetchValue("SELECT time_zone FROM clinic_view WHERE clinic_id = ?", clinic))
                .isEqualTo("Asia/Riyadh");
        assertThat(row.getWorkingDays()).isEqualTo("MONDAY,TUESDAY,SUNDAY");
        assertThat(row.getVersion()).isZero();
    }

    @Test
    void anUpdateReplacesTheProfileAndAStaleOrRedeliveredEventChangesNothing() {
        UUID clinic = UUID.randomUUID();
        ClinicCreated created = new ClinicCreated(clinic, Directory.site("Old name", "Asia/Riyadh"));
        ClinicUpdated updated = new ClinicUpdated(clinic, Directory.site("New name", "Africa/Cairo"));
        projection.on(created, 0);
        projection.on(updated, 1);
        ClinicViewRecord once = db.fetchSingle(CLINIC_VIEW, CLINIC_VIEW.CLINIC_ID.eq(clinic));

        projection.on(updated, 1);
        projection.on(created, 0);

        ClinicViewRecord row = db.fetchSingle(CLINIC_VIEW, CLINIC_VIEW.CLINIC_ID.eq(clinic));
        assertThat(row).isEqualTo(once);
        assertThat(row.getNameEn()).isEqualTo("New name");
        assertThat(row.getTimeZone()).isEqualTo(ZoneId.of("Africa/Cairo"));
        assertThat(row.getVersion()).isEqualTo(1);
    }

    @Test
    void aBranchBelongsToItsClinicAndMovesForwardOnlyByVersion() {
        UUID clinic = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        BranchOpened opened = new BranchOpened(branch, clinic, Directory.site("Olaya", "Asia/Riyadh"));
        BranchUpdated renamed = new BranchUpdated(branch, clinic, Directory.site("Olaya North", "Asia/Riyadh"));

        projection.on(opened, 0);
        projection.on(renamed, 1);
        projection.on(opened, 0);
        projection.on(renamed, 1);

        BranchViewRecord row = db.fetchSingle(BRANCH_VIEW, BRANCH_VIEW.BRANCH_ID.eq(branch));
        assertThat(row.getClinicId()).isEqualTo(clinic);
        assertThat(row.getNameEn()).isEqualTo("Olaya North");
        assertThat(row.getVersion()).isEqualTo(1);
        assertThat(db.fetchCount(BRANCH_VIEW)).isEqualTo(1);
    }

    @Test
    void aResetEmptiesClinicsAndBranches() {
        UUID clinic = UUID.randomUUID();
        projection.on(new ClinicCreated(clinic, Directory.site("A", "Asia/Riyadh")), 0);
        projection.on(new BranchOpened(UUID.randomUUID(), clinic, Directory.site("B", "Asia/Riyadh")), 0);

        projection.reset();

        assertThat(db.fetchCount(CLINIC_VIEW)).isZero();
        assertThat(db.fetchCount(BRANCH_VIEW)).isZero();
    }
}
