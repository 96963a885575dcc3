/** Appointments over HTTP against the real PostgreSQL. */
package com.clinic.scheduling.appointment;
