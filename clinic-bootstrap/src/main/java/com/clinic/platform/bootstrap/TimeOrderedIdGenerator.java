package com.clinic.platform.bootstrap;

import com.clinic.platform.application.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp followed by randomness. Time-ordered ids keep
 * B-tree inserts local, which matters with millions of appointments and events.
 */
final class TimeOrderedIdGenerator implements IdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TimeOrderedIdGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
