/** Payments: money, tax, invoices and their ledger, and the refund policy, as pure values and deciders. */
package com.clinic.payments.domain;
