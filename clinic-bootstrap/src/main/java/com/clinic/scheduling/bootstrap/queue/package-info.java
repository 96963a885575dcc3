/** Wiring of the walk-in queue: its settings from {@code clinic.queue.*}. */
package com.clinic.scheduling.bootstrap.queue;
