package com.clinic.scheduling.persistence.availability;

import com.clinic.scheduling.application.availability.AvailabilityReadModel;

/** The one event processor for availability's read models: schedules, holidays and appointment types. */
final class AvailabilityProcessing {

    static final String GROUP = AvailabilityReadModel.PROJECTION;

    private AvailabilityProcessing() {}
}
