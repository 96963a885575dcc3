package com.clinic.audit.application;

/** Event types are stored as full class names; auditors usually think in simple names. */
public final class EventTypes {

    private EventTypes() {}

    /** {@code com.clinic.x.domain.PatientEvent$PatientRegistered} becomes {@code PatientRegistered}. */
    public static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }
}
