/** Realistic benchmark data: the directory through the public API, past appointments in bulk into the event store. */
package com.clinic.bench.seed;
