package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.Directory.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.application.port.DoctorReadModel.Search;
import com.clinic.directory.application.port.DoctorView;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqDoctorReadModelTest {

    private static final UUID CLINIC = id(1000);
    private static final UUID OTHER_CLINIC = id(2000);
    private static final UUID OLAYA = id(101);
    private static final UUID MALAZ = id(102);

    private final DoctorProjection projection;
    private final JooqDoctorReadModel doctors;

    JooqDoctorReadModelTest(DSLContext db) {
        this.projection = new DoctorProjection(db);
        this.doctors = new JooqDoctorReadModel(db);
    }

    @BeforeEach
    void aClinicsDoctors() {
        register(id(1), id(11), CLINIC, "Amal Haddad", Set.of(OLAYA, MALAZ), Set.of("dermatology"), Set.of("ar", "en"));
        register(id(2), id(12), CLINIC, "Basel Omar", Set.of(OLAYA), Set.of("paediatrics"), Set.of("ar"));
        register(id(3), id(13), CLINIC, "Carla 100% Rossi", Set.of(MALAZ), Set.of("dermatology"), Set.of("en"));
        register(id(4), id(14), OTHER_CLINIC, "Amal Other", Set.of(id(201)), Set.of("dermatology"), Set.of("ar"));
        register(id(5), id(15), CLINIC, "Dana Retired", Set.of(OLAYA), Set.of("dermatology"), Set.of("ar"));
        projection.on(new DoctorDeactivated(id(5)), 1);
    }

    @Test
    void aDoctorReadsBackWithSortedBranchesSpecialtiesLanguagesAndFees() {
        assertThat(doctors.doctor(id(1))).hasValueSatisfying(view -> {
            assertThat(view.userId()).isEqualTo(id(11));
            assertThat(view.clinicId()).isEqualTo(CLINIC);
            assertThat(view.nameEn()).isEqualTo("Amal Haddad");
            assertThat(view.branchIds()).containsExactly(OLAYA, MALAZ);
            assertThat(view.specialties()).containsExactly("dermatology");
            assertThat(view.languages()).containsExactly("ar", "en");
            assertThat(view.fees()).extracting(DoctorView.FeeView::branchId).containsExactly(OLAYA, MALAZ);
            assertThat(view.fees()).allSatisfy(fee -> {
                assertThat(fee.amount()).isEqualByComparingTo(new BigDecimal("150"));
                assertThat(fee.currency()).isEqualTo("SAR");
            });
            assertThat(view.bioEn()).isEqualTo("Bio of Amal Haddad");
            assertThat(view.active()).isTrue();
        });
        assertThat(doctors.doctorOfUser(id(12))).map(DoctorView::id).contains(id(2));
        assertThat(doctors.doctor(id(99))).isEmpty();
    }

    @Test
    void eachFilterNarrowsTheSearchAndTheyCombine() {
        assertThat(search(new Search(
                        Optional.of("dermatology"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(CLINIC),
                        Optional.of(true))))
                .containsExactly(id(1), id(3));
        assertThat(search(new Search(
                        Optional.empty(),
                        Optional.of(OLAYA),
                        Optional.of("ar"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .containsExactly(id(1), id(2), id(5));
        assertThat(search(new Search(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(false))))
                .containsExactly(id(5));
        assertThat(search(Search.everything())).containsExactly(id(1), id(4), id(2), id(3), id(5));
    }

    @Test
    void aNameMatchesAnywhereCaseInsensitivelyInEitherLanguageAndWildcardsAreLiteral() {
        assertThat(search(byName("amal"))).containsExactly(id(1), id(4));
        assertThat(search(byName("د. basel"))).containsExactly(id(2));
        assertThat(search(byName("100%"))).containsExactly(id(3));
        assertThat(search(byName("%"))).containsExactly(id(3));
        assertThat(search(byName("_"))).isEmpty();
    }

    @Test
    void searchResultsArePagedByNameThenId() {
        Page<DoctorView> first = doctors.search(Search.everything(), PageRequest.first(2));
        Page<DoctorView> second = doctors.search(Search.everything(), new PageRequest(2, first.nextCursor()));
        Page<DoctorView> third = doctors.search(Search.everything(), new PageRequest(2, second.nextCursor()));

        assertThat(first.items()).extracting(DoctorView::id).containsExactly(id(1), id(4));
        assertThat(second.items()).extracting(DoctorView::id).containsExactly(id(2), id(3));
        assertThat(third.items()).extracting(DoctorView::id).containsExactly(id(5));
        assertThat(third.nextCursor()).isEmpty();
    }

    private void register(
            UUID doctor,
            UUID user,
            UUID clinic,
            String name,
            Set<UUID> branches,
            Set<String> specialties,
            Set<String> languages) {
        projection.on(
                new DoctorRegistered(doctor, user, clinic, Directory.doctor(name, branches, specialties, languages)),
                0);
    }

    private static Search byName(String name) {
        return new Search(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(name),
                Optional.empty(),
                Optional.empty());
    }

    private List<UUID> search(Search search) {
        return doctors.search(search, PageRequest.first(50)).items().stream()
                .map(DoctorView::id)
                .toList();
    }
}
