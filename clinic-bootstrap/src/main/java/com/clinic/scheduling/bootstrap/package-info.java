/** Scheduling's wiring: its settings from {@code clinic.appointments.*} and {@code clinic.queue.*}. */
package com.clinic.scheduling.bootstrap;
