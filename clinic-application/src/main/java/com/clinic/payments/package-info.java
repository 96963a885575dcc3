/**
 * Payments: invoices, the ledger of money that moved against them, desk payments, credits and
 * refunds by the clinic's policy. It publishes nothing yet; it listens to scheduling's {@code
 * AppointmentChanged} (an invoice per booked visit, the refund policy when it is cancelled or missed).
 */
package com.clinic.payments;
