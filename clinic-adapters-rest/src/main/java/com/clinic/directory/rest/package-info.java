/** Directory HTTP API: clinics, branches, doctors, patients and patient self-registration. */
package com.clinic.directory.rest;
