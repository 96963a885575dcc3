/**
 * Availability read models (schedules, holidays, appointment types), their projections, and slot
 * search's load: the directory's placements, then every schedule in one query.
 */
package com.clinic.scheduling.persistence.availability;
