package com.clinic.notifications.application;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Grant.inOwnBranch;
import static com.clinic.platform.application.access.Grant.inOwnClinic;
import static com.clinic.platform.application.access.Grant.ownPatientRecord;
import static com.clinic.platform.application.access.Refusal.asNotFound;
import static com.clinic.platform.application.access.Refusal.forbidden;
import static com.clinic.platform.domain.Role.ADMIN;
import static com.clinic.platform.domain.Role.AUDITOR;
import static com.clinic.platform.domain.Role.DOCTOR;
import static com.clinic.platform.domain.Role.MANAGER;
import static com.clinic.platform.domain.Role.RECEPTIONIST;

import com.clinic.platform.application.access.Grant;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Refusal;
import com.clinic.platform.application.access.Rule;
import com.clinic.platform.domain.Role;
import java.util.List;

/**
 * Notifications' access table. A patient's notifications are placed like the patient's record (the
 * home branch and clinic) and hidden like it; counts and dead letters by the notification's clinic.
 * The caller's own inbox, devices and preferences are theirs by construction (keyed by the caller's
 * user id): every role holds them, and a new role must be granted them here.
 */
public enum NotificationOperation implements Operation {
    /** What a patient was told, on which channels, and how each attempt went. */
    VIEW_PATIENT_NOTIFICATIONS(
            asNotFound("patient.not-found"),
            anywhere(ADMIN, AUDITOR),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST, DOCTOR),
            ownPatientRecord()),
    /** How many notifications are in each state, by channel. */
    COUNT_NOTIFICATIONS(forbidden(), anywhere(ADMIN, AUDITOR), inOwnClinic(MANAGER)),
    /** Notifications no channel took. */
    LIST_DEAD_LETTERS(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER)),
    /** Send a dead-lettered notification again; to anyone out of reach it does not exist. */
    REDRIVE_NOTIFICATION(asNotFound("notification.not-found"), anywhere(ADMIN), inOwnClinic(MANAGER)),
    /** Register and remove the caller's own push devices. */
    MANAGE_OWN_DEVICES(forbidden(), anywhere(Role.values())),
    /** Read and change the caller's own channels and quiet hours. */
    MANAGE_OWN_PREFERENCES(forbidden(), anywhere(Role.values()));

    private final Rule rule;

    NotificationOperation(Refusal refusal, Grant... grants) {
        this.rule = new Rule(refusal, List.of(grants));
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
