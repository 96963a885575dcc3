package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.Directory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqDirectoryReadModelTest {

    private final ClinicProjection projection;
    private final JooqDirectoryReadModel directory;

    JooqDirectoryReadModelTest(DSLContext db) {
        this.projection = new ClinicProjection(db);
        this.directory = new JooqDirectoryReadModel(db);
    }

    @Test
    void aClinicAndABranchReadBackAsTheirEventsDescribedThem() {
        UUID clinic = id(1);
        UUID branch = id(2);
        projection.on(new ClinicCreated(clinic, Directory.site("Nile Clinic", "Africa/Cairo")), 0);
        projection.on(new BranchOpened(branch, clinic, Directory.site("Zamalek", "Africa/Cairo")), 3);

        assertThat(directory.clinic(clinic))
                .contains(new ClinicView(
                        clinic,
                        "فرع Nile Clinic",
                        "Nile Clinic",
                        "1 King Fahd Road",
                        "+966110000000",
                        "Africa/Cairo",
                        "SAR",
                        java.util.Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                        0));
        assertThat(directory.branch(branch)).hasValueSatisfying(view -> {
            assertThat(view.clinicId()).isEqualTo(clinic);
            assertThat(view.nameEn()).isEqualTo("Zamalek");
            assertThat(view.timeZone()).isEqualTo("Africa/Cairo");
            assertThat(view.version()).isEqualTo(3);
        });
        assertThat(directory.clinic(id(99))).isEmpty();
        assertThat(directory.branch(id(99))).isEmpty();
    }

    @Test
    void clinicsArePagedByNameThenIdAcrossEqualNames() {
        projection.on(new ClinicCreated(id(4), Directory.site("Beta", "Asia/Riyadh")), 0);
        projection.on(new ClinicCreated(id(3), Directory.site("Alpha", "Asia/Riyadh")), 0);
        projection.on(new ClinicCreated(id(2), Directory.site("Alpha", "Asia/Riyadh")), 0);
        projection.on(new ClinicCreated(id(1), Directory.site("Gamma", "Asia/Riyadh")), 0);

        Page<ClinicView> first = directory.clinics(PageRequest.first(2));
        Page<ClinicView> second = directory.clinics(new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(ClinicView::id).containsExactly(id(2), id(3));
        assertThat(second.items()).extracting(ClinicView::id).containsExactly(id(4), id(1));
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void aClinicsBranchesArePagedByNameAndOtherClinicsBranchesStayOut() {
        UUID clinic = id(100);
        UUID other = id(200);
        projection.on(new BranchOpened(id(1), clinic, Directory.site("Olaya", "Asia/Riyadh")), 0);
        projection.on(new BranchOpened(id(2), clinic, Directory.site("Malaz", "Asia/Riyadh")), 0);
        projection.on(new BranchOpened(id(3), other, Directory.site("Aziziyah", "Asia/Riyadh")), 0);
        projection.on(new BranchOpened(id(4), clinic, Directory.site("Diriyah", "Asia/Riyadh")), 0);

        Page<BranchView> first = directory.branches(clinic, PageRequest.first(2));
        Page<BranchView> rest = directory.branches(clinic, new PageRequest(2, first.nextCursor()));

        assertThat(names(first)).containsExactly("Diriyah", "Malaz");
        assertThat(names(rest)).containsExactly("Olaya");
        assertThat(rest.nextCursor()).isEmpty();
    }

    @Test
    void arabicNamesThatShareAPrefixPageOnwardInOrder() {
        projection.on(new ClinicCreated(id(1), Directory.site("عيادة", "Asia/Riyadh")), 0);
        projection.on(new ClinicCreated(id(2), Directory.site("عيادة النور", "Asia/Riyadh")), 0);

        Page<ClinicView> first = directory.clinics(PageRequest.first(1));
        Page<ClinicView> second = directory.clinics(new PageRequest(1, first.nextCursor()));

        assertThat(first.items()).extracting(ClinicView::id).containsExactly(id(1));
        assertThat(second.items()).extracting(ClinicView::id).containsExactly(id(2));
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThatThrownBy(() -> directory.clinics(new PageRequest(2, Optional.of("bm90LWEtY3Vyc29y"))))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("page.cursor-invalid");
    }

    private static List<String> names(Page<BranchView> page) {
        return page.items().stream().map(BranchView::nameEn).toList();
    }
}
