package com.clinic.scheduling.persistence.waitlist;

import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Preferred times of day as one column: "08:00-12:00,18:00-00:00"; empty means any time. */
final class TimesOfDay {

    private TimesOfDay() {}

    static String format(List<TimeOfDayRange> ranges) {
        return ranges.stream().map(range -> range.from() + "-" + range.to()).collect(Collectors.joining(","));
    }

    static List<TimeOfDayRange> parse(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(","))
                .map(part -> {
                    int dash = part.indexOf('-');
                    return new TimeOfDayRange(
                            LocalTime.parse(part.substring(0, dash)), LocalTime.parse(part.substring(dash + 1)));
                })
                .toList();
    }
}
