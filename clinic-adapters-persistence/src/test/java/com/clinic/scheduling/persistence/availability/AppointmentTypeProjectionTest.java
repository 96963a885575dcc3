package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeDeactivated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeUpdated;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.Price;
import com.clinic.scheduling.persistence.jooq.tables.records.AppointmentTypeRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class AppointmentTypeProjectionTest {

    private final DSLContext db;
    private final AppointmentTypeProjection projection;
    private final UUID type = UUID.randomUUID();
    private final UUID clinic = UUID.randomUUID();

    AppointmentTypeProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new AppointmentTypeProjection(db);
    }

    @Test
    void aCreatedTypeStoresItsRulesInSecondsAndItsPriceToTheCurrencysDecimals() {
        projection.on(AppointmentTypes.created(type, clinic, "Follow-up"), 0);

        AppointmentTypeRecord row = row();
        assertThat(row.getActive()).isTrue();
        assertThat(row.getDurationSeconds()).isEqualTo(20 * 60);
        assertThat(row.getBufferBeforeSeconds()).isEqualTo(5 * 60);
        assertThat(row.getBufferAfterSeconds()).isEqualTo(10 * 60);
        assertThat(row.getMinimumNoticeSeconds()).isEqualTo(2 * 3600);
        assertThat(row.getHorizonSeconds()).isEqualTo(60 * 86_400);
        assertThat(row.getSlotIntervalSeconds()).isEqualTo(15 * 60);
        assertThat(row.getCapacity()).isEqualTo(3);
        assertThat(row.getIsVirtual()).isTrue();
        assertThat(row.getPriceAmount()).isEqualTo(new BigDecimal("250.500"));
        assertThat(row.getPriceCurrency()).isEqualTo("KWD");
    }

    @Test
    void anUpdateReplacesTheTypeAndARepeatedCreationDoesNotUndoIt() {
        AppointmentTypeCreated created = AppointmentTypes.created(type, clinic, "Follow-up");
        projection.on(created, 0);
        BookingRules longer = new BookingRules(
                Duration.ofMinutes(45), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(30), 1);
        AppointmentTypeUpdated updated = new AppointmentTypeUpdated(
                type,
                clinic,
                new BilingualName("كشف", "Examination"),
                longer,
                false,
                new Price(new BigDecimal("100"), "SAR"),
                UUID.randomUUID(),
                Instant.now());

        projection.on(updated, 1);
        projection.on(created, 0);
        projection.on(updated, 1);

        AppointmentTypeRecord row = row();
        assertThat(row.getNameEn()).isEqualTo("Examination");
        assertThat(row.getDurationSeconds()).isEqualTo(45 * 60);
        assertThat(row.getSlotIntervalSeconds()).as("the default tiling").isEqualTo(45 * 60);
        assertThat(row.getIsVirtual()).isFalse();
        assertThat(row.getPriceAmount()).isEqualTo(new BigDecimal("100.000"));
        assertThat(row.getVersion()).isEqualTo(1);
        assertThat(row.getActive()).isTrue();
    }

    @Test
    void aDeactivatedTypeStaysButInactiveAndAnOlderUpdateCannotReviveItsOldName() {
        projection.on(AppointmentTypes.created(type, clinic, "Follow-up"), 0);
        AppointmentTypeUpdated renamed = new AppointmentTypeUpdated(
                type,
                clinic,
                new BilingualName("اسم", "Renamed"),
                AppointmentTypes.CONSULTATION,
                true,
                new Price(BigDecimal.TEN, "SAR"),
                UUID.randomUUID(),
                Instant.now());
        projection.on(renamed, 1);
        projection.on(new AppointmentTypeDeactivated(type, clinic, UUID.randomUUID(), Instant.now()), 2);

        projection.on(renamed, 1);

        assertThat(row().getActive()).isFalse();
        assertThat(row().getVersion()).isEqualTo(2);
    }

    @Test
    void aResetEmptiesTheTypes() {
        projection.on(AppointmentTypes.created(type, clinic, "Follow-up"), 0);

        projection.reset();

        assertThat(db.fetchCount(APPOINTMENT_TYPE)).isZero();
    }

    private AppointmentTypeRecord row() {
        return db.fetchSingle(APPOINTMENT_TYPE, APPOINTMENT_TYPE.APPOINTMENT_TYPE_ID.eq(type));
    }
}
