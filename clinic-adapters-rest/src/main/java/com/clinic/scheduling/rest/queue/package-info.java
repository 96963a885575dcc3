/** The walk-in queue over HTTP: commands, boards, and live Server-Sent Event streams for displays and patients. */
package com.clinic.scheduling.rest.queue;
