/** Clinics and their branches: aggregates and the service that creates, updates and lists them. */
package com.clinic.directory.application.clinic;
