package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.domain.availability.BookingRules;
import java.math.BigDecimal;
import java.util.UUID;

/** An appointment type as bookings need it. */
public record AppointmentTypeView(
        UUID appointmentTypeId,
        UUID clinicId,
        String nameAr,
        String nameEn,
        BookingRules rules,
        boolean virtual,
        BigDecimal price,
        String currency,
        boolean active,
        long version) {}
