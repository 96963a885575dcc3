/** An invoice and the money that moved against it: commands, events, state and decider. */
package com.clinic.payments.domain.invoice;
