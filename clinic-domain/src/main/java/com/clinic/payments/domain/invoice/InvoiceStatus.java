package com.clinic.payments.domain.invoice;

/** Where an invoice stands; derived from its ledger, never set by hand. */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PARTLY_PAID,
    /** Nothing left to pay (the clinic may still owe a refund: a negative outstanding amount). */
    PAID,
    /** Withdrawn, or everything it asked was released, before anything was paid. */
    VOID,
    /** Everything it asked was released and everything paid went back. */
    REFUNDED
}
