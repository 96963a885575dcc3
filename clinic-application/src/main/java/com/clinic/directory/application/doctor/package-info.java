/** Doctors: the aggregate and the service that registers, updates, (de)activates and searches them. */
package com.clinic.directory.application.doctor;
