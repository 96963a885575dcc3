/** Integration tests of availability: slot search against real PostgreSQL, and its HTTP API with the role matrix. */
package com.clinic.scheduling.availability;
