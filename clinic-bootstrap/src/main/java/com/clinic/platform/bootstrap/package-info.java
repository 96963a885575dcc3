/** Wiring of the platform: Axon on PostgreSQL, serialization, crypto keys, clock and identifiers. */
package com.clinic.platform.bootstrap;
