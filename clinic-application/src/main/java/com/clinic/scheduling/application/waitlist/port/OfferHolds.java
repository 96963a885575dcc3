package com.clinic.scheduling.application.waitlist.port;

import java.util.UUID;

/**
 * Port: the appointment holds the offer process made. When such a hold is released its slot comes
 * back as an ordinary cancellation, which must not start a second, competing round of offers: the
 * process passes the slot on itself.
 */
public interface OfferHolds {

    void remember(UUID appointmentId, UUID entryId);

    boolean isOfferHold(UUID appointmentId);
}
