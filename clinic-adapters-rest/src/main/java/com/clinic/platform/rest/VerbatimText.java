package com.clinic.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request field whose text is a secret compared byte for byte (a password), so the request
 * reader keeps it as sent: no Unicode normalization and no display-text rules. Normalizing a
 * password would lock out whoever chose it before the rule existed.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface VerbatimText {}
