package com.clinic.notifications.domain;

/** Urgent messages go through quiet hours and are pushed with high priority. */
public enum Urgency {
    NORMAL,
    URGENT
}
