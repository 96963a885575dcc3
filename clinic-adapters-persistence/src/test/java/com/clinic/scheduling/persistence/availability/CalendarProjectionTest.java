package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.BRANCH_CALENDAR;
import static com.clinic.scheduling.persistence.jooq.Tables.BRANCH_HOLIDAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.availability.HolidayView;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayDeclared;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class CalendarProjectionTest {

    private static final LocalDate EID = LocalDate.of(2026, 3, 20);
    private static final BilingualName EID_NAME = new BilingualName("عيد الفطر", "Eid al-Fitr");

    private final DSLContext db;
    private final CalendarProjection projection;
    private final JooqAvailabilityReadModel readModel;
    private final UUID calendar = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();

    CalendarProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new CalendarProjection(db);
        this.readModel = new JooqAvailabilityReadModel(db, new InMemoryDirectoryFacts());
    }

    @Test
    void aDeclaredHolidayClosesTheBranchThatDayAndACancelledOneReopensIt() {
        projection.on(declared(EID, EID_NAME), 0);
        projection.on(declared(EID.plusDays(1), EID_NAME), 1);

        projection.on(
                new HolidayCancelled(calendar, branch, EID.plusDays(1), EID_NAME, UUID.randomUUID(), Instant.now()), 2);

        assertThat(holidays()).containsExactly(new HolidayView(branch, EID, "عيد الفطر", "Eid al-Fitr"));
        assertThat(db.fetchSingle(BRANCH_CALENDAR, BRANCH_CALENDAR.CALENDAR_ID.eq(calendar))
                        .getVersion())
                .isEqualTo(2);
    }

    @Test
    void aRedeliveredDeclarationDoesNotUndoALaterCancellation() {
        HolidayDeclared declared = declared(EID, EID_NAME);
        projection.on(declared, 0);
        projection.on(new HolidayCancelled(calendar, branch, EID, EID_NAME, UUID.randomUUID(), Instant.now()), 1);

        projection.on(declared, 0);

        assertThat(holidays()).isEmpty();
    }

    @Test
    void declaringTheSameDayAgainRenamesTheHoliday() {
        projection.on(declared(EID, EID_NAME), 0);

        projection.on(declared(EID, new BilingualName("عطلة", "Bank holiday")), 1);

        assertThat(holidays()).extracting(HolidayView::nameEn).containsExactly("Bank holiday");
    }

    @Test
    void aResetEmptiesTheCalendars() {
        projection.on(declared(EID, EID_NAME), 0);

        projection.reset();

        assertThat(db.fetchCount(BRANCH_CALENDAR) + db.fetchCount(BRANCH_HOLIDAY))
                .isZero();
    }

    private HolidayDeclared declared(LocalDate date, BilingualName name) {
        return new HolidayDeclared(calendar, branch, date, name, UUID.randomUUID(), Instant.now());
    }

    private List<HolidayView> holidays() {
        return readModel.holidays(branch, EID.minusDays(10), EID.plusDays(10));
    }
}
