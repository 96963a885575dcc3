/** Ports of projection administration: the event processors and their replays, the dead-letter queues. */
package com.clinic.platform.application.projection.port;
