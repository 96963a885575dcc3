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
    REFUNDED;

    /**
     * The one rule, from the money an invoice's ledger holds (in minor units): what it was issued for,
     * what was released since, what was paid and what went back.
     */
    public static InvoiceStatus of(
            boolean issued, boolean voided, long total, long credited, long paid, long refunded) {
        if (voided) {
            return VOID;
        }
        if (!issued) {
            return DRAFT;
        }
        long due = total - credited;
        long netPaid = paid - refunded;
        if (due == 0 && netPaid == 0) {
            return paid > 0 ? REFUNDED : VOID;
        }
        if (netPaid == 0) {
            return ISSUED;
        }
        return due - netPaid > 0 ? PARTLY_PAID : PAID;
    }
}
