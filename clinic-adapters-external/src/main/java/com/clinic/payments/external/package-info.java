/** Payments' vendors: Stripe's PaymentIntents and signed webhooks behind the {@code CardPayments} port. */
package com.clinic.payments.external;
