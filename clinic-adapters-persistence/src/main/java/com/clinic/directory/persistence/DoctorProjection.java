package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_FEE;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_LANGUAGE;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_SPECIALTY;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_VIEW;

import com.clinic.directory.domain.doctor.DoctorEvent.DoctorActivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorProfileUpdated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.directory.domain.doctor.DoctorProfile;
import com.clinic.directory.domain.doctor.Fee;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Builds doctor_view and its child tables (branches, specialties, languages, fees). An event at or
 * below the stored version was already applied and is skipped, which makes redelivery harmless.
 */
@Component
@ProcessingGroup("directory-doctors")
class DoctorProjection {

    private final DSLContext db;

    DoctorProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(DoctorRegistered event, @SequenceNumber long version) {
        if (alreadyApplied(event.doctorId(), version)) {
            return;
        }
        db.insertInto(DOCTOR_VIEW)
                .set(DOCTOR_VIEW.DOCTOR_ID, event.doctorId())
                .set(DOCTOR_VIEW.USER_ID, event.userId())
                .set(DOCTOR_VIEW.CLINIC_ID, event.clinicId())
                .set(DOCTOR_VIEW.NAME_AR, event.profile().name().ar())
                .set(DOCTOR_VIEW.NAME_EN, event.profile().name().en())
                .set(DOCTOR_VIEW.BIO_AR, event.profile().bio().ar())
                .set(DOCTOR_VIEW.BIO_EN, event.profile().bio().en())
                .set(DOCTOR_VIEW.ACTIVE, true)
                .set(DOCTOR_VIEW.VERSION, version)
                .onConflict(DOCTOR_VIEW.DOCTOR_ID)
                .doNothing()
                .execute();
        replaceDetails(event.doctorId(), event.profile());
    }

    @EventHandler
    void on(DoctorProfileUpdated event, @SequenceNumber long version) {
        if (alreadyApplied(event.doctorId(), version)) {
            return;
        }
        db.update(DOCTOR_VIEW)
                .set(DOCTOR_VIEW.NAME_AR, event.profile().name().ar())
                .set(DOCTOR_VIEW.NAME_EN, event.profile().name().en())
                .set(DOCTOR_VIEW.BIO_AR, event.profile().bio().ar())
                .set(DOCTOR_VIEW.BIO_EN, event.profile().bio().en())
                .set(DOCTOR_VIEW.VERSION, version)
                .where(DOCTOR_VIEW.DOCTOR_ID.eq(event.doctorId()))
                .execute();
        replaceDetails(event.doctorId(), event.profile());
    }

    @EventHandler
    void on(DoctorDeactivated event, @SequenceNumber long version) {
        setActive(event.doctorId(), false, version);
    }

    @EventHandler
    void on(DoctorActivated event, @SequenceNumber long version) {
        setActive(event.doctorId(), true, version);
    }

    @ResetHandler
    void reset() {
        db.truncate(DOCTOR_VIEW).execute();
        db.truncate(DOCTOR_BRANCH).execute();
        db.truncate(DOCTOR_SPECIALTY).execute();
        db.truncate(DOCTOR_LANGUAGE).execute();
        db.truncate(DOCTOR_FEE).execute();
    }

    private boolean alreadyApplied(UUID doctorId, long version) {
        return db.fetchExists(DOCTOR_VIEW, DOCTOR_VIEW.DOCTOR_ID.eq(doctorId), DOCTOR_VIEW.VERSION.ge(version));
    }

    private void setActive(UUID doctorId, boolean active, long version) {
        db.update(DOCTOR_VIEW)
                .set(DOCTOR_VIEW.ACTIVE, active)
                .set(DOCTOR_VIEW.VERSION, version)
                .where(DOCTOR_VIEW.DOCTOR_ID.eq(doctorId), DOCTOR_VIEW.VERSION.lt(version))
                .execute();
    }

    private void replaceDetails(UUID doctorId, DoctorProfile profile) {
        db.deleteFrom(DOCTOR_BRANCH).where(DOCTOR_BRANCH.DOCTOR_ID.eq(doctorId)).execute();
        db.deleteFrom(DOCTOR_SPECIALTY)
                .where(DOCTOR_SPECIALTY.DOCTOR_ID.eq(doctorId))
                .execute();
        db.deleteFrom(DOCTOR_LANGUAGE)
                .where(DOCTOR_LANGUAGE.DOCTOR_ID.eq(doctorId))
                .execute();
        db.deleteFrom(DOCTOR_FEE).where(DOCTOR_FEE.DOCTOR_ID.eq(doctorId)).execute();
        for (UUID branchId : profile.branchIds()) {
            db.insertInto(DOCTOR_BRANCH)
                    .set(DOCTOR_BRANCH.DOCTOR_ID, doctorId)
                    .set(DOCTOR_BRANCH.BRANCH_ID, branchId)
                    .execute();
        }
        for (String specialty : profile.specialties()) {
            db.insertInto(DOCTOR_SPECIALTY)
                    .set(DOCTOR_SPECIALTY.DOCTOR_ID, doctorId)
                    .set(DOCTOR_SPECIALTY.SPECIALTY, specialty)
                    .execute();
        }
        for (String language : profile.languages()) {
            db.insertInto(DOCTOR_LANGUAGE)
                    .set(DOCTOR_LANGUAGE.DOCTOR_ID, doctorId)
                    .set(DOCTOR_LANGUAGE.LANGUAGE, language)
                    .execute();
        }
        for (Fee fee : profile.fees()) {
            db.insertInto(DOCTOR_FEE)
                    .set(DOCTOR_FEE.DOCTOR_ID, doctorId)
                    .set(DOCTOR_FEE.BRANCH_ID, fee.branchId())
                    .set(DOCTOR_FEE.AMOUNT, fee.amount())
                    .set(DOCTOR_FEE.CURRENCY, fee.currency())
                    .execute();
        }
    }
}
