package com.clinic.identity.application;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Grant.inOwnClinic;
import static com.clinic.platform.application.access.Refusal.forbidden;
import static com.clinic.platform.domain.Role.ADMIN;
import static com.clinic.platform.domain.Role.MANAGER;

import com.clinic.platform.application.access.Grant;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Refusal;
import com.clinic.platform.application.access.Rule;
import java.util.List;

/** The identity context's access table. Signing in, registering and refreshing need no account. */
public enum IdentityOperation implements Operation {
    /** Invite a doctor or receptionist: the people who work in a branch. */
    INVITE_BRANCH_STAFF(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER)),
    /** Invite a manager, an administrator or an auditor. */
    INVITE_ANY_STAFF(forbidden(), anywhere(ADMIN)),
    /** List, read, re-role, disable and enable accounts. */
    ADMINISTER_ACCOUNTS(forbidden(), anywhere(ADMIN));

    private final Rule rule;

    IdentityOperation(Refusal refusal, Grant... grants) {
        this.rule = new Rule(refusal, List.of(grants));
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
