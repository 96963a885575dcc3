package com.clinic.platform.application.access;

/** The actor may know the resource exists but may not do this to it (HTTP 403). */
public final class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessRefused(String operation, String reason) {
        // The message is for the log; the client is told only "forbidden".
        super(operation + ": " + reason, null, false, false);
    }
}
