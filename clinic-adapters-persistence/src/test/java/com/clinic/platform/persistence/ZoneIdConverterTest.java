package com.clinic.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.jooq.exception.DataTypeException;
import org.junit.jupiter.api.Test;

class ZoneIdConverterTest {

    private final ZoneIdConverter converter = new ZoneIdConverter();

    @Test
    void aZoneIsStoredAsItsIanaIdAndReadBackAsTheSameZone() {
        for (String id : new String[] {"Africa/Cairo", "Asia/Riyadh", "America/Argentina/Buenos_Aires", "UTC"}) {
            ZoneId zone = converter.from(id);

            assertThat(zone).isEqualTo(ZoneId.of(id));
            assertThat(converter.to(zone)).isEqualTo(id);
        }
    }

    @Test
    void aMissingZoneStaysMissing() {
        assertThat(converter.from(null)).isNull();
        assertThat(converter.to(null)).isNull();
    }

    @Test
    void aStoredZoneThatDoesNotParseFailsTheReadNamingTheValue() {
        assertThatThrownBy(() -> converter.from("Mars/Olympus_Mons"))
                .isInstanceOf(DataTypeException.class)
                .hasMessageContaining("'Mars/Olympus_Mons'");
    }
}
