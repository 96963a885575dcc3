package com.clinic.scheduling.application.appointment;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.application.availability.AppointmentTypes;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.availability.TimeRange;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a chosen slot into the appointment's exact times, shared by every use case that takes time:
 * booking, rescheduling and the waiting list's holds.
 */
@Component
class SlotResolver {

    private final DirectoryFacts directory;
    private final AppointmentTypes types;
    private final SlotSearch slots;
    private final AccessPolicy access;

    SlotResolver(DirectoryFacts directory, AppointmentTypes types, SlotSearch slots, AccessPolicy access) {
        this.directory = directory;
        this.types = types;
        this.slots = slots;
        this.access = access;
    }

    /** Checks the choice against the doctor, branch, type and schedule, and the caller's reach. */
    AppointmentSlot resolve(Actor actor, SlotChoice choice, PatientFacts patient) {
        BranchFacts branch = branchOf(choice.branchId());
        access.require(
                actor,
                SchedulingOperation.BOOK_SLOT,
                Target.branch(branch.clinicId(), branch.branchId()).ofDoctor(choice.doctorId()));
        if (!patient.clinicId().equals(branch.clinicId())) {
            throw new Rejection.RuleViolated("appointment.patient-of-another-clinic");
        }
        // An unknown doctor or type is not found, rather than a time off some grid of theirs.
        AppointmentSlot slot = slotFor(choice);
        switch (slots.availability(choice.doctorId(), choice.branchId(), choice.appointmentTypeId(), choice.start())) {
            case FREE -> {}
            // Never bookable as asked, whoever else books what: the client must pick a start search offers.
            case OFF_GRID -> throw new Rejection.RuleViolated("appointment.off-grid");
            // A real slot, but not now: taken, or too soon or too far ahead. Searching again helps.
            case TAKEN, OUTSIDE_BOOKING_WINDOW -> throw new Rejection.Conflict("appointment.slot-unavailable");
        }
        return slot;
    }

    /** The slot's exact times and frozen capacity, without any check of who asks or whether it is free. */
    AppointmentSlot slotFor(SlotChoice choice) {
        BranchFacts branch = branchOf(choice.branchId());
        DoctorFacts doctor = directory
                .doctor(choice.doctorId())
                .filter(DoctorFacts::active)
                .filter(d -> d.branchIds().contains(branch.branchId()))
                .orElseThrow(() -> new Rejection.NotFound("doctor.not-found"));
        AppointmentTypeView type = types.find(choice.appointmentTypeId())
                .filter(AppointmentTypeView::active)
                .filter(t -> t.clinicId().equals(branch.clinicId()))
                .orElseThrow(() -> new Rejection.NotFound("appointment-type.not-found"));
        TimeRange time =
                new TimeRange(choice.start(), choice.start().plus(type.rules().duration()));
        return new AppointmentSlot(
                branch.clinicId(),
                branch.branchId(),
                doctor.doctorId(),
                type.appointmentTypeId(),
                time,
                type.rules().blocked(time),
                type.virtual(),
                type.rules().capacity());
    }

    BranchFacts branchOf(UUID branchId) {
        return directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
    }
}
