/** End-to-end tests of the walk-in queue: projection, cross-instance notifications, HTTP API and live streams. */
package com.clinic.scheduling.queue;
