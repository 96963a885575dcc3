package com.clinic.scheduling.application.appointment;

import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.port.AppointmentParties;
import com.clinic.scheduling.application.port.AppointmentParties.Parties;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may act on an existing appointment: the role first, then the appointment's branch, doctor and
 * patient (ADR 0019). Out of reach reads as not found, exactly like an unknown id.
 */
@Component
class AppointmentAccess {

    private final AccessPolicy access;
    private final AppointmentParties parties;

    AppointmentAccess(AccessPolicy access, AppointmentParties parties) {
        this.access = access;
        this.parties = parties;
    }

    Parties authorize(Actor actor, UUID appointmentId, SchedulingOperation operation) {
        access.requireRole(actor, operation);
        Parties appointment = parties.find(appointmentId).orElseThrow(AppointmentAccess::notFound);
        access.require(
                actor,
                operation,
                Target.branch(appointment.clinicId(), appointment.branchId())
                        .ofDoctor(appointment.doctorId())
                        .ofPatient(appointment.patientId()));
        return appointment;
    }

    static Rejection notFound() {
        return new Rejection.NotFound("appointment.not-found");
    }
}
