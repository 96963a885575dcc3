/** What the waiting list needs from adapters: its read model and the offer holds it made. */
package com.clinic.scheduling.application.waitlist.port;
