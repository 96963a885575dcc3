/** Clinic directory use cases: who may create, change and see clinics, branches, doctors and patients. */
package com.clinic.directory.application;
