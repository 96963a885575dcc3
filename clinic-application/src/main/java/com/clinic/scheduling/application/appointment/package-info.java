/** The Axon-facing Appointment aggregate; all rules live in the domain's AppointmentDecider. */
package com.clinic.scheduling.application.appointment;
