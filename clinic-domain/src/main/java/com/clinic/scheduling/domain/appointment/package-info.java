/** The Appointment aggregate: hold, book, reschedule, cancel, check in, consult, complete or no-show. */
package com.clinic.scheduling.domain.appointment;
