/** The waiting list's read model, its projection and queries, the offer holds and the directory facts it reads. */
package com.clinic.scheduling.persistence.waitlist;
