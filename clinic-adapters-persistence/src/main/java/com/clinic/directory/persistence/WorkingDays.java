package com.clinic.directory.persistence;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Working days stored as one comma-separated column, in week order. */
final class WorkingDays {

    private WorkingDays() {}

    static String write(Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> read(String column) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!column.isEmpty()) {
            Arrays.stream(column.split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        }
        return days;
    }
}
