package com.clinic.payments.domain.invoice;

/** Why the amount an invoice asks for went down after it was issued. */
public enum CreditKind {
    /** The appointment was cancelled or missed; the refund policy released this much. */
    CANCELLATION,
    /** Staff decided the patient owes less (a goodwill discount, a pricing error). */
    ADJUSTMENT,
    /** The clinic gave up collecting it. */
    WRITE_OFF
}
