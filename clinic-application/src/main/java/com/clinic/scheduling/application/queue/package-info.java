/** The walk-in queue's use cases: tickets, calls and transfers with scope checks, board and live estimated waits. */
package com.clinic.scheduling.application.queue;
