/** Clinic directory: clinics, branches, doctors and patients, as pure deciders and their shared values. */
package com.clinic.directory.domain;
