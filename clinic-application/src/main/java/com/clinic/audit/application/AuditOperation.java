package com.clinic.audit.application;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Refusal.forbidden;
import static com.clinic.platform.domain.Role.ADMIN;
import static com.clinic.platform.domain.Role.AUDITOR;

import com.clinic.platform.application.access.Grant;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Refusal;
import com.clinic.platform.application.access.Rule;
import java.util.List;

/** The audit trail's access table: auditors and administrators read every event, in every clinic. */
public enum AuditOperation implements Operation {
    READ_AUDIT_TRAIL(forbidden(), anywhere(AUDITOR, ADMIN));

    private final Rule rule;

    AuditOperation(Refusal refusal, Grant... grants) {
        this.rule = new Rule(refusal, List.of(grants));
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
