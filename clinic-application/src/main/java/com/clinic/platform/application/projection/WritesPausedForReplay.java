package com.clinic.platform.application.projection;

import java.time.Duration;

/**
 * A command was refused because a projection replay is in progress (HTTP 503 with Retry-After).
 * Write paths validate against read models; none may decide on a read model that is half rebuilt.
 */
public final class WritesPausedForReplay extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "writes-paused-for-replay";

    /** How long a client should wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public WritesPausedForReplay() {
        super(CODE, null, false, false);
    }
}
