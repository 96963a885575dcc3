package com.clinic.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class EventTimestampConverterTest {

    private final EventTimestampConverter converter = new EventTimestampConverter();

    @Test
    void anEventTimeReadsAsTheInstantAxonStoredAndWritesInAxonsFormat() {
        Instant at = Instant.parse("2026-03-27T21:59:59.123Z");
        String stored = DateTimeUtils.formatInstant(at);

        assertThat(converter.from(stored)).isEqualTo(at);
        assertThat(converter.to(at)).isEqualTo(stored);
    }

    @Test
    void theIsoTextInstantWritesIsReadToo() {
        assertThat(converter.from("2026-03-27T21:59:59Z")).isEqualTo(Instant.parse("2026-03-27T21:59:59Z"));
    }

    @Test
    void aMissingTimeStaysMissing() {
        assertThat(converter.from(null)).isNull();
        assertThat(converter.to(null)).isNull();
    }
}
