package com.clinic.platform.application.access;

import java.util.Objects;
import java.util.Optional;

/**
 * How a refusal of a role that holds a grant, but not for this resource, is told. A role without any
 * grant of the operation is always told 403: that reveals nothing about any resource. Within a grant,
 * a resource whose existence is not secret (a clinic, a branch's queue) is refused with 403; one whose
 * existence is itself personal data (a patient, an appointment, a ticket) answers exactly as an
 * unknown id would, with its own not-found code.
 */
public record Refusal(Optional<String> notFoundCode) {

    public Refusal {
        Objects.requireNonNull(notFoundCode, "notFoundCode");
    }

    public static Refusal forbidden() {
        return new Refusal(Optional.empty());
    }

    public static Refusal asNotFound(String code) {
        return new Refusal(Optional.of(code));
    }
}
