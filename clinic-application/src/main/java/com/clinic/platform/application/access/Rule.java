package com.clinic.platform.application.access;

import java.util.List;
import java.util.Objects;

/** Who may do an operation (its grants) and how a refusal within a grant is told. */
public record Rule(Refusal refusal, List<Grant> grants) {

    public Rule {
        Objects.requireNonNull(refusal, "refusal");
        grants = List.copyOf(grants);
        if (grants.isEmpty()) {
            throw new IllegalArgumentException("an operation nobody may do is not an operation");
        }
        long roles = grants.stream().flatMap(grant -> grant.roles().stream()).count();
        long distinct = grants.stream()
                .flatMap(grant -> grant.roles().stream())
                .distinct()
                .count();
        if (roles != distinct) {
            // One reach per role keeps the table readable: a role is never granted twice.
            throw new IllegalArgumentException("a role appears in two grants: " + grants);
        }
    }
}
