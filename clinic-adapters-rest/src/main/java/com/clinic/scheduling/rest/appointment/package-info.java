/** Appointments over HTTP: holds, bookings, series, changes, agendas and calendars. */
package com.clinic.scheduling.rest.appointment;
