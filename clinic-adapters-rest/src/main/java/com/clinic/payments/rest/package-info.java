/** Payments over HTTP: invoices, their lines, desk payments, credits and refunds. */
package com.clinic.payments.rest;
