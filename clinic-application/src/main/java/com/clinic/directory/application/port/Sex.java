package com.clinic.directory.application.port;

/** Sex as recorded for clinical purposes. */
public enum Sex {
    FEMALE,
    MALE
}
