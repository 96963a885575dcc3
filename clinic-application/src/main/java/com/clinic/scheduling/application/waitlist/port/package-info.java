/** What the waiting list needs from adapters: its read model, directory facts and the offer holds it made. */
package com.clinic.scheduling.application.waitlist.port;
