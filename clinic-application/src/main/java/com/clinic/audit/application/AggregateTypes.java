package com.clinic.audit.application;

import java.util.Locale;

/**
 * Friendly aliases for stored aggregate types: {@code PatientAggregate} becomes {@code patient},
 * {@code WalkInQueueAggregate} becomes {@code walk-in-queue}. Either form addresses the type.
 */
public final class AggregateTypes {

    private static final String SUFFIX = "Aggregate";

    private AggregateTypes() {}

    public static String alias(String type) {
        String base = type.endsWith(SUFFIX) && type.length() > SUFFIX.length()
                ? type.substring(0, type.length() - SUFFIX.length())
                : type;
        StringBuilder alias = new StringBuilder(base.length() + 4);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(base.charAt(i - 1))) {
                alias.append('-');
            }
            alias.append(c);
        }
        return alias.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code requested} (a stored type or an alias) designates the stored {@code type}. */
    public static boolean matches(String requested, String type) {
        return requested.equals(type) || requested.equals(alias(type));
    }
}
