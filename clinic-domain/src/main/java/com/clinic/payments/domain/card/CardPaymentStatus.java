package com.clinic.payments.domain.card;

/**
 * Where a card payment stands, as the provider reports it. Succeeded and canceled are final: nothing
 * the provider says later, late or out of order, moves a payment out of them.
 */
public enum CardPaymentStatus {
    /** Asked of the provider; no answer yet. */
    REQUESTED(0),
    /** Waiting for the patient's card (also after a failed attempt: they may try another). */
    REQUIRES_PAYMENT_METHOD(0),
    REQUIRES_CONFIRMATION(0),
    /** 3-D Secure or another step the patient must complete. */
    REQUIRES_ACTION(0),
    PROCESSING(1),
    SUCCEEDED(2),
    CANCELED(2);

    private final int rank;

    CardPaymentStatus(int rank) {
        this.rank = rank;
    }

    public boolean isFinal() {
        return rank == 2;
    }

    /** How far along: a tie of two reports in the same second goes to the further one. */
    public int rank() {
        return rank;
    }
}
