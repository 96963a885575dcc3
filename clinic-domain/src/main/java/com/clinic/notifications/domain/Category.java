package com.clinic.notifications.domain;

/** What a message is about, which is what a recipient chooses channels for. */
public enum Category {
    /** Booked, moved, cancelled, no-show: the recipient's own appointments. */
    APPOINTMENTS,
    /** Reminders before an appointment. */
    REMINDERS,
    /** Waiting-list offers, holds about to lapse, the walk-in queue calling. */
    OFFERS,
    /** Invitations and password resets: always sent, whatever the preferences. */
    ACCOUNT,
    /** Never without the patient's marketing consent. */
    MARKETING
}
