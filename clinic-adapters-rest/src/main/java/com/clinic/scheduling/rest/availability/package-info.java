/** HTTP for availability: doctors' schedules, branch holidays, appointment types and slot search. */
package com.clinic.scheduling.rest.availability;
