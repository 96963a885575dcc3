package com.clinic.scheduling.persistence.availability;

/** The one event processor for availability's read models: schedules, holidays and appointment types. */
final class AvailabilityProcessing {

    static final String GROUP = "scheduling-availability";

    private AvailabilityProcessing() {}
}
