/** The waiting list's read model, its projection and queries, and the offer holds. */
package com.clinic.scheduling.persistence.waitlist;
