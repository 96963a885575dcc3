/** The waiting list over HTTP: join, withdraw, answer offers, and the scoped listings. */
package com.clinic.scheduling.rest.waitlist;
