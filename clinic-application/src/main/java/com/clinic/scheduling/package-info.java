/** Scheduling: availability, appointments, holds, the waiting list and the walk-in queue. This package is its public API. */
package com.clinic.scheduling;
