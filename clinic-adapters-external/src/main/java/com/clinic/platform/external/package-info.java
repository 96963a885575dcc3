/**
 * Axon's event processors behind the platform's ports: replays, status, dead-letter queues and how a
 * projection's failed event becomes a letter (ADR 0009, ADR 0016), the read-your-writes barrier (ADR
 * 0008) and the processors' health.
 */
package com.clinic.platform.external;
