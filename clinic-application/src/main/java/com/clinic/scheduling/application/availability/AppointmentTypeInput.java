package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.Price;
import java.util.Objects;

/** The editable definition of an appointment type, already checked by its value types. */
public record AppointmentTypeInput(BilingualName name, BookingRules rules, boolean virtual, Price price) {

    public AppointmentTypeInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(price, "price");
    }
}
