/** Payments end to end: invoices, desk payments, refunds by policy, over HTTP against PostgreSQL. */
package com.clinic.payments;
