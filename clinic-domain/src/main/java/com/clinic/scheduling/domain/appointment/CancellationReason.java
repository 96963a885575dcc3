package com.clinic.scheduling.domain.appointment;

/** Why an appointment was cancelled; kept for analytics and the late-cancellation policy. */
public enum CancellationReason {
    PATIENT_REQUEST,
    DOCTOR_UNAVAILABLE,
    CLINIC_CLOSED,
    RESCHEDULED_ELSEWHERE,
    OTHER
}
