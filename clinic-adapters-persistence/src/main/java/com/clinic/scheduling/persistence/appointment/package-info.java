/** The claim ledger that guards against double booking, and the appointment read models. */
package com.clinic.scheduling.persistence.appointment;
