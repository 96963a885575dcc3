/** End-to-end tests of scheduling against the real PostgreSQL. */
package com.clinic.scheduling;
