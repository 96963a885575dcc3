/** Schedules, appointment types and slot search: which times can be booked. */
package com.clinic.scheduling.application.availability;
