/** Availability read models (schedules, holidays, appointment types), their projections, and slot search's one-query load. */
package com.clinic.scheduling.persistence.availability;
