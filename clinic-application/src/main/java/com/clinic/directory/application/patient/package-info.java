/** Patients: the aggregate, sealing of personal data, self-registration, scoped reads and erasure. */
package com.clinic.directory.application.patient;
