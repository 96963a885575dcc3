package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.AppointmentTypeNames;
import com.clinic.scheduling.AppointmentTypePrices;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** From the types' read model: a name or price changed a moment ago may still show its old value. */
@Component
class AppointmentTypeNamesFromReadModel implements AppointmentTypeNames, AppointmentTypePrices {

    private final AppointmentTypes types;

    AppointmentTypeNamesFromReadModel(AppointmentTypes types) {
        this.types = types;
    }

    @Override
    public Optional<TypeName> nameOf(UUID appointmentTypeId) {
        return types.find(appointmentTypeId).map(type -> new TypeName(type.nameAr(), type.nameEn()));
    }

    @Override
    public Optional<TypePrice> priceOf(UUID appointmentTypeId) {
        return types.find(appointmentTypeId)
                .map(type -> new TypePrice(type.nameAr(), type.nameEn(), type.price(), type.currency()));
    }
}
