package com.clinic.platform.rest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of the HTTP layer, bound from {@code clinic.http.*} by the bootstrap module.
 *
 * @param bulkhead how many API requests run at once, how long the others queue, and which paths skip it (ADR 0014)
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param readYourWritesTimeout how long a write waits for the read models to show it (ADR 0008)
 */
public record HttpSettings(Bulkhead bulkhead, long maxBodyBytes, Duration readYourWritesTimeout) {

    public record Bulkhead(int permits, Duration maxWait, List<String> outside) {

        public Bulkhead {
            Objects.requireNonNull(maxWait, "maxWait");
            outside = List.copyOf(outside);
            if (permits < 1 || !maxWait.isPositive()) {
                throw new IllegalArgumentException("the request bulkhead needs a permit and a positive wait");
            }
        }
    }

    public HttpSettings {
        Objects.requireNonNull(bulkhead, "bulkhead");
        Objects.requireNonNull(readYourWritesTimeout, "readYourWritesTimeout");
        if (maxBodyBytes < 1 || readYourWritesTimeout.isNegative()) {
            throw new IllegalArgumentException("a body limit of at least a byte and a non-negative wait are needed");
        }
    }
}
