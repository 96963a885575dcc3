package com.clinic.scheduling.waitlist;

import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.application.availability.AppointmentTypes;
import com.clinic.scheduling.domain.availability.BookingRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Stand-in for availability's {@link AppointmentTypes}: the types a test declared. */
public final class FakeAppointmentTypes implements AppointmentTypes {

    private final Map<UUID, AppointmentTypeView> types = new ConcurrentHashMap<>();

    /** Declares a 30-minute in-person consultation of the clinic under this id. */
    public void register(UUID id, UUID clinicId) {
        types.put(
                id,
                new AppointmentTypeView(
                        id,
                        clinicId,
                        "استشارة",
                        "Consultation",
                        new BookingRules(
                                Duration.ofMinutes(30),
                                Duration.ZERO,
                                Duration.ZERO,
                                Duration.ZERO,
                                Duration.ofDays(90),
                                1),
                        false,
                        BigDecimal.valueOf(200),
                        "SAR",
                        true,
                        0));
    }

    @Override
    public Optional<AppointmentTypeView> find(UUID appointmentTypeId) {
        return Optional.ofNullable(types.get(appointmentTypeId));
    }
}
