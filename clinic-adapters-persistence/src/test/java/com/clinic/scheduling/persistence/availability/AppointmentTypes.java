package com.clinic.scheduling.persistence.availability;

import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Appointment types as their events describe them. */
final class AppointmentTypes {

    static final BookingRules CONSULTATION = new BookingRules(
            Duration.ofMinutes(20),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofHours(2),
            Duration.ofDays(60),
            3,
            Duration.ofMinutes(15));

    private AppointmentTypes() {}

    static AppointmentTypeCreated created(UUID typeId, UUID clinicId, String nameEn) {
        return new AppointmentTypeCreated(
                typeId,
                clinicId,
                new BilingualName("استشارة " + nameEn, nameEn),
                CONSULTATION,
                true,
                new Price(new BigDecimal("250.5"), "KWD"),
                UUID.randomUUID(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
