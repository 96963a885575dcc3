package com.clinic.platform.application;

/**
 * A bounded resource (CPU-heavy password hashing, say) stayed busy longer than a caller may wait.
 * Nothing was done; HTTP answers 503 with Retry-After.
 */
public class Overloaded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Overloaded(String what) {
        super(what + " is busy");
    }
}
