/** The walk-in queue of one doctor at one branch on one day: tickets, priorities and estimated waits. */
package com.clinic.scheduling.domain.queue;
