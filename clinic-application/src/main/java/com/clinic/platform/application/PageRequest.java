package com.clinic.platform.application;

import com.clinic.platform.domain.Rejection;
import java.util.Optional;

/** A keyset page request: at most {@code limit} items strictly after the opaque {@code after} cursor. */
public record PageRequest(int limit, Optional<String> after) {

    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Rejection.RuleViolated("page.limit-out-of-range", 1, MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
