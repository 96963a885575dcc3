package com.clinic.directory.domain.patient;

/**
 * What the patient agreed to. Consents are not personal data in themselves and stay readable after
 * erasure, which is how the clinic can show it stopped contacting someone when they withdrew.
 */
public record Consents(boolean treatment, boolean dataProcessing, boolean marketing, boolean reminders) {

    public static Consents none() {
        return new Consents(false, false, false, false);
    }
}
