package com.clinic.platform.application.projection;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Refusal.forbidden;
import static com.clinic.platform.domain.Role.ADMIN;
import static com.clinic.platform.domain.Role.AUDITOR;

import com.clinic.platform.application.access.Grant;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Refusal;
import com.clinic.platform.application.access.Rule;
import java.util.List;

/** Projection administration's access table: auditors read its state, administrators act on it. */
public enum ProjectionOperation implements Operation {
    /** Projection status and dead letters (ids, event types, causes; no payloads). */
    VIEW_PROJECTIONS(forbidden(), anywhere(ADMIN, AUDITOR)),
    /** Replays and dead-letter retries. */
    ADMINISTER_PROJECTIONS(forbidden(), anywhere(ADMIN));

    private final Rule rule;

    ProjectionOperation(Refusal refusal, Grant... grants) {
        this.rule = new Rule(refusal, List.of(grants));
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
