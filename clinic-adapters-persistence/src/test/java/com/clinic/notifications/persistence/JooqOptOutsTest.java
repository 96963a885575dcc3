package com.clinic.notifications.persistence;

import static com.clinic.notifications.domain.Channel.EMAIL;
import static com.clinic.notifications.domain.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqOptOutsTest {

    private static final Instant T0 = Instant.parse("2026-05-10T07:00:00Z");

    private final JooqOptOuts optOuts;

    JooqOptOutsTest(DSLContext db) {
        this.optOuts = new JooqOptOuts(db);
    }

    @Test
    void anAddressThatSaidStopIsOptedOutOnThatChannelOnly() {
        optOuts.optOut(SMS, "index-1", "twilio:STOP", T0);
        optOuts.optOut(SMS, "index-1", "twilio:STOP", T0.plusSeconds(1));

        assertThat(optOuts.isOptedOut(SMS, "index-1")).isTrue();
        assertThat(optOuts.isOptedOut(EMAIL, "index-1")).isFalse();
        assertThat(optOuts.isOptedOut(SMS, "index-2")).isFalse();
    }

    @Test
    void aStartSaidAfterTheStopOptsBackInAndALateDeliveredOlderOneDoesNot() {
        optOuts.optOut(SMS, "index-1", "twilio:STOP", T0);
        optOuts.optOut(SMS, "index-1", "twilio:STOP", T0.plusSeconds(60));

        optOuts.optIn(SMS, "index-1", T0.plusSeconds(30));
        assertThat(optOuts.isOptedOut(SMS, "index-1")).isTrue();

        optOuts.optIn(SMS, "index-1", T0.plusSeconds(90));
        assertThat(optOuts.isOptedOut(SMS, "index-1")).isFalse();
        optOuts.optIn(EMAIL, "never-out", T0);
        assertThat(optOuts.isOptedOut(EMAIL, "never-out")).isFalse();
    }
}
