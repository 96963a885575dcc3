package com.clinic.scheduling.availability;

import static com.clinic.scheduling.availability.AvailabilityTestData.awaitOk;
import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newBranch;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what with availability, allowed AND denied, for every role. Clinic A has branches A1
 * and A2; doctor D works at A1 and signs in as doctorD; clinic B is someone else's.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailabilityAccessMatrixTest {

    @LocalServerPort
    int port;

    Api api;
    Api admin;
    AvailabilityTestData.Site a;
    UUID a2;
    AvailabilityTestData.Site b;
    AvailabilityTestData.Doctor d;
    Api managerA;
    Api managerB;
    Api receptionistA1;
    Api receptionistA2;
    Api doctorD;
    Api otherDoctorA1;
    Api auditor;
    Api patient;
    UUID typeA;

    @BeforeAll
    void setUp() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        a = newSite(admin, "Asia/Riyadh");
        a2 = newBranch(admin, a.clinicId(), "Asia/Riyadh");
        b = newSite(admin, "Asia/Riyadh");
        d = newDoctor(api, admin, a, "cardiology");
        managerA = session(Role.MANAGER, a.clinicId(), null);
        managerB = session(Role.MANAGER, b.clinicId(), null);
        receptionistA1 = session(Role.RECEPTIONIST, a.clinicId(), a.branchId());
        receptionistA2 = session(Role.RECEPTIONIST, a.clinicId(), a2);
        doctorD = api.as(
                Sessions.login(api, d.account().login(), d.account().password()).accessToken());
        otherDoctorA1 = session(Role.DOCTOR, a.clinicId(), a.branchId());
        auditor = session(Role.AUDITOR, null, null);
        patient = newPatient(api, a.branchId());
        typeA = newAppointmentType(managerA, a.clinicId(), 30, 1);
        Api.Response created = admin.header("If-None-Match", "*").put(schedule(), everyDay("09:00", "12:00"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        awaitOk(admin, schedule());
    }

    private Api session(Role role, UUID clinicId, UUID branchId) {
        return api.as(Sessions.staff(api, role, clinicId, branchId).accessToken());
    }

    private String schedule() {
        return schedulePath(d.doctorId(), a.branchId());
    }

    private static Map<String, Object> timeOff(int daysAhead) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead);
        return Map.of("start", day + "T09:00:00", "end", day + "T10:00:00");
    }

    private static int status(Api.Response response) {
        return response.status();
    }

    @Test
    void theDeskOfTheBranchTheClinicsManagerAndAdminsEditSchedules() {
        int day = 30;
        for (Api editor : new Api[] {admin, managerA, receptionistA1}) {
            Api.Response added = editor.post(schedule() + "/time-off", timeOff(day++));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(status(editor.delete(
                            schedule() + "/time-off/" + added.json("id").asString())))
                    .isEqualTo(204);
            assertThat(status(editor.header("If-Match", "*").put(schedule(), everyDay("09:00", "12:00"))))
                    .isEqualTo(204);
        }
        for (Api denied : new Api[] {managerB, receptionistA2, doctorD, otherDoctorA1, auditor, patient}) {
            assertThat(status(denied.post(schedule() + "/time-off", timeOff(day++))))
                    .isEqualTo(403);
            assertThat(status(denied.post(schedule() + "/extra-sessions", timeOff(day++))))
                    .isEqualTo(403);
            assertThat(status(denied.header("If-Match", "*").put(schedule(), everyDay("09:00", "12:00"))))
                    .isEqualTo(403);
            assertThat(status(denied.delete(schedule() + "/time-off/" + UUID.randomUUID())))
                    .isEqualTo(403);
        }
        assertThat(status(api.anonymous().post(schedule() + "/time-off", timeOff(day))))
                .isEqualTo(401);
    }

    @Test
    void editorsAuditorsAndTheDoctorThemselfReadTheSchedule() {
        for (Api reader : new Api[] {admin, managerA, receptionistA1, doctorD, auditor}) {
            assertThat(status(reader.get(schedule()))).isEqualTo(200);
        }
        for (Api denied : new Api[] {managerB, receptionistA2, otherDoctorA1, patient}) {
            assertThat(status(denied.get(schedule()))).isEqualTo(403);
        }
        assertThat(status(api.anonymous().get(schedule()))).isEqualTo(401);
    }

    @Test
    void holidaysAreSetByTheBranchDeskAndManagersAndReadByEveryone() {
        String holidays = "/api/v1/branches/" + a.branchId() + "/holidays";
        int offset = 100;
        for (Api editor : new Api[] {admin, managerA, receptionistA1}) {
            String date = LocalDate.now(ZoneOffset.UTC).plusDays(offset++).toString();
            assertThat(status(editor.post(holidays, Map.of("date", date, "nameAr", "عطلة", "nameEn", "Holiday"))))
                    .isEqualTo(201);
            assertThat(status(editor.delete(holidays + "/" + date))).isEqualTo(204);
        }
        String date = LocalDate.now(ZoneOffset.UTC).plusDays(offset).toString();
        for (Api denied : new Api[] {managerB, receptionistA2, doctorD, auditor, patient}) {
            assertThat(status(denied.post(holidays, Map.of("date", date, "nameAr", "عطلة", "nameEn", "Holiday"))))
                    .isEqualTo(403);
        }
        String range = holidays + "?from=2027-01-01&to=2027-12-31";
        for (Api reader : new Api[] {admin, managerB, receptionistA2, doctorD, auditor, patient}) {
            assertThat(status(reader.get(range))).isEqualTo(200);
        }
        assertThat(status(api.anonymous().get(range))).isEqualTo(401);
    }

    @Test
    void appointmentTypesAreManagedByAdminsAndTheClinicsManagerAndReadByEveryone() {
        for (Api creator : new Api[] {admin, managerA}) {
            assertThat(status(creator.post(
                            "/api/v1/appointment-types", AvailabilityTestData.appointmentType(a.clinicId(), 20, 1))))
                    .isEqualTo(201);
        }
        for (Api denied : new Api[] {managerB, receptionistA1, doctorD, auditor, patient}) {
            assertThat(status(denied.post(
                            "/api/v1/appointment-types", AvailabilityTestData.appointmentType(a.clinicId(), 20, 1))))
                    .isEqualTo(403);
        }
        Map<String, Object> change = AvailabilityTestData.appointmentType(a.clinicId(), 45, 1);
        assertThat(status(managerB.header("If-Match", "*").put("/api/v1/appointment-types/" + typeA, change)))
                .isEqualTo(403);
        assertThat(status(receptionistA1.header("If-Match", "*").put("/api/v1/appointment-types/" + typeA, change)))
                .isEqualTo(403);
        assertThat(status(managerB.post("/api/v1/appointment-types/" + typeA + "/deactivate", null)))
                .isEqualTo(403);
        for (Api reader : new Api[] {admin, managerB, receptionistA2, doctorD, auditor, patient}) {
            assertThat(status(reader.get("/api/v1/appointment-types/" + typeA))).isEqualTo(200);
            assertThat(status(reader.get("/api/v1/appointment-types?clinicId=" + a.clinicId())))
                    .isEqualTo(200);
        }
        assertThat(status(api.anonymous().get("/api/v1/appointment-types/" + typeA)))
                .isEqualTo(401);
    }

    @Test
    void everySignedInUserMaySearchSlots() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(12);
        String search = "/api/v1/slots?doctorId=" + d.doctorId() + "&appointmentTypeId=" + typeA + "&from=" + day
                + "&to=" + day.plusDays(1);
        for (Api searcher : new Api[] {admin, managerA, managerB, receptionistA2, doctorD, auditor, patient}) {
            Api.Response found = searcher.get(search);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json("items")).isNotEmpty();
        }
        assertThat(status(api.anonymous().get(search))).isEqualTo(401);
    }
}
