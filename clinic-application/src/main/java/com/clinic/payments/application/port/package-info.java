/** Payments ports: the invoice read model and the clinic's gap-free number sequences. */
package com.clinic.payments.application.port;
