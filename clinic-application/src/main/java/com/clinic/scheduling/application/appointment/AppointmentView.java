package com.clinic.scheduling.application.appointment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An appointment as agendas, calendars and patients see it. */
public record AppointmentView(
        UUID appointmentId,
        UUID patientId,
        @Nullable String patientNameAr,
        @Nullable String patientNameEn,
        UUID doctorId,
        @Nullable String doctorNameAr,
        @Nullable String doctorNameEn,
        UUID branchId,
        UUID clinicId,
        UUID appointmentTypeId,
        Instant start,
        Instant end,
        String status,
        @Nullable Instant holdUntil,
        boolean virtual,
        @Nullable UUID seriesId,
        @Nullable String cancelReason,
        boolean lateCancel,
        long version) {}
