/** Scheduling domain: appointments, holds, the waiting list and the walk-in queue, as pure deciders. */
package com.clinic.scheduling.domain;
