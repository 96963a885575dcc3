package com.clinic.scheduling;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** What an appointment type costs, for whoever bills a visit of that type. */
public interface AppointmentTypePrices {

    /** The type's names in both languages and its price, at the currency's own scale. */
    record TypePrice(String nameAr, String nameEn, BigDecimal amount, String currency) {}

    Optional<TypePrice> priceOf(UUID appointmentTypeId);
}
