/** The smart waiting list: entries, their offers, and the pure ranking and matching rules. */
package com.clinic.scheduling.domain.waitlist;
