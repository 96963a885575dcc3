package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.directory.persistence.jooq.Tables.CLINIC_VIEW;

import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.branch.BranchEvent.BranchUpdated;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicUpdated;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Builds clinic_view and branch_view. Every write is an upsert that only moves a row forward in
 * version, so redelivered or replayed events change nothing twice.
 */
@Component
@ProcessingGroup("directory-clinics")
class ClinicProjection {

    private final DSLContext db;

    ClinicProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(ClinicCreated event, @SequenceNumber long version) {
        upsertClinic(event.clinicId(), event.profile(), version);
    }

    @EventHandler
    void on(ClinicUpdated event, @SequenceNumber long version) {
        upsertClinic(event.clinicId(), event.profile(), version);
    }

    @EventHandler
    void on(BranchOpened event, @SequenceNumber long version) {
        upsertBranch(event.branchId(), event.clinicId(), event.profile(), version);
    }

    @EventHandler
    void on(BranchUpdated event, @SequenceNumber long version) {
        upsertBranch(event.branchId(), event.clinicId(), event.profile(), version);
    }

    @ResetHandler
    void reset() {
        db.truncate(CLINIC_VIEW).execute();
        db.truncate(BRANCH_VIEW).execute();
    }

    private void upsertClinic(UUID clinicId, SiteProfile profile, long version) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(CLINIC_VIEW.NAME_AR, profile.name().ar());
        values.put(CLINIC_VIEW.NAME_EN, profile.name().en());
        values.put(CLINIC_VIEW.ADDRESS, profile.address());
        values.put(CLINIC_VIEW.PHONE, profile.phoneE164());
        values.put(CLINIC_VIEW.TIME_ZONE, zone(profile));
        values.put(CLINIC_VIEW.CURRENCY, profile.currency());
        values.put(CLINIC_VIEW.WORKING_DAYS, WorkingDays.write(profile.workingDays()));
        values.put(CLINIC_VIEW.VERSION, version);
        db.insertInto(CLINIC_VIEW)
                .set(CLINIC_VIEW.CLINIC_ID, clinicId)
                .set(values)
                .onConflict(CLINIC_VIEW.CLINIC_ID)
                .doUpdate()
                .set(values)
                .where(CLINIC_VIEW.VERSION.lt(version))
                .execute();
    }

    private void upsertBranch(UUID branchId, UUID clinicId, SiteProfile profile, long version) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BRANCH_VIEW.CLINIC_ID, clinicId);
        values.put(BRANCH_VIEW.NAME_AR, profile.name().ar());
        values.put(BRANCH_VIEW.NAME_EN, profile.name().en());
        values.put(BRANCH_VIEW.ADDRESS, profile.address());
        values.put(BRANCH_VIEW.PHONE, profile.phoneE164());
        values.put(BRANCH_VIEW.TIME_ZONE, zone(profile));
        values.put(BRANCH_VIEW.CURRENCY, profile.currency());
        values.put(BRANCH_VIEW.WORKING_DAYS, WorkingDays.write(profile.workingDays()));
        values.put(BRANCH_VIEW.VERSION, version);
        db.insertInto(BRANCH_VIEW)
                .set(BRANCH_VIEW.BRANCH_ID, branchId)
                .set(values)
                .onConflict(BRANCH_VIEW.BRANCH_ID)
                .doUpdate()
                .set(values)
                .where(BRANCH_VIEW.VERSION.lt(version))
                .execute();
    }

    /** The profile carries the zone as the IANA id the application checked; the column holds a ZoneId. */
    private static ZoneId zone(SiteProfile profile) {
        return ZoneId.of(profile.timeZone());
    }
}
