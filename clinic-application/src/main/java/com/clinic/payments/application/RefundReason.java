package com.clinic.payments.application;

/** Why staff give money back by hand; the refund policy's own reasons are the domain's. */
public enum RefundReason {
    GOODWILL("refund.goodwill"),
    BILLING_ERROR("refund.billing-error"),
    SERVICE_NOT_PROVIDED("refund.service-not-provided"),
    /** Paying back what a cancellation's settlement left owed to the patient. */
    CANCELLATION("refund.cancellation");

    private final String code;

    RefundReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
