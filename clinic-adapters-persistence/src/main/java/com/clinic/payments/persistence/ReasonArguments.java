package com.clinic.payments.persistence;

import java.util.Arrays;
import java.util.List;

/** A reason's arguments (numbers and short codes) in one text column, separated by the unit separator. */
final class ReasonArguments {

    private static final String SEPARATOR = "\u001f";

    private ReasonArguments() {}

    static String write(List<String> arguments) {
        return String.join(SEPARATOR, arguments);
    }

    static List<String> read(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(SEPARATOR, -1));
    }
}
