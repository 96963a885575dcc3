/** The walk-in queue in PostgreSQL: ticket routes, the board projection and queries, and cross-instance change notifications. */
package com.clinic.scheduling.persistence.queue;
