package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.AppointmentTypeNames;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** From the types' read model: a name changed a moment ago may still show its old wording. */
@Component
class AppointmentTypeNamesFromReadModel implements AppointmentTypeNames {

    private final AppointmentTypes types;

    AppointmentTypeNamesFromReadModel(AppointmentTypes types) {
        this.types = types;
    }

    @Override
    public Optional<TypeName> nameOf(UUID appointmentTypeId) {
        return types.find(appointmentTypeId).map(type -> new TypeName(type.nameAr(), type.nameEn()));
    }
}
