/** Payments use cases: who may invoice, take money, credit and refund, and how a visit is billed. */
package com.clinic.payments.application;
