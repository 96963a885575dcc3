/** What the walk-in queue needs from adapters: ticket routes, directory facts, the board read model, change feed. */
package com.clinic.scheduling.application.queue.port;
