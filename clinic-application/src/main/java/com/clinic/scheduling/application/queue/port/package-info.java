/** What the walk-in queue needs from adapters: ticket routes, the board read model, change feed. */
package com.clinic.scheduling.application.queue.port;
