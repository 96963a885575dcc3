/** Payments' wiring: the clinics' terms from {@code clinic.payments.*}. */
package com.clinic.payments.bootstrap;
