/**
 * Axon's event processors behind the projection ports: replays, status, dead-letter queues and how a
 * projection's failed event becomes a letter (ADR 0009, ADR 0016).
 */
package com.clinic.platform.external;
