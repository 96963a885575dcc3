package com.clinic.payments.domain.invoice;

/** How money reached the clinic (or went back). */
public enum PaymentMethod {
    /** Cash at the desk: refunds are cash out of the drawer. */
    CASH,
    /** A card on the desk's terminal, with the terminal's reference. */
    CARD_TERMINAL,
    /** A card online, through the card-payment provider. */
    CARD_ONLINE
}
