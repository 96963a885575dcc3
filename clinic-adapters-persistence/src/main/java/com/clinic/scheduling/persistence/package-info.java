/** Scheduling persistence: claims on doctors' time, schedules and the scheduling read models. */
package com.clinic.scheduling.persistence;
