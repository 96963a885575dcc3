/** End-to-end tests of the waiting list, with test doubles for the scheduling contracts others implement. */
package com.clinic.scheduling.waitlist;
