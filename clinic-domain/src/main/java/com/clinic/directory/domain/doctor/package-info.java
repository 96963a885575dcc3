/** A doctor's directory entry (branches, specialties, languages, fees): commands, events, state and decider. */
package com.clinic.directory.domain.doctor;
