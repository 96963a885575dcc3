package com.clinic.scheduling.persistence;

import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.DirectoryFacts;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The generated types' converters end to end (the forced types of the persistence pom): a branch's
 * zone is stored as its IANA id and read back as that ZoneId, so slots start at the branch's local
 * opening time, and an appointment's instants are stored as those instants and read back equal.
 */
@IntegrationTest
class ZoneAndInstantRoundTripTest {

    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryFacts directory;

    @Test
    void aCairoBranchsZoneAndAnAppointmentsInstantsComeBackAsTheyWentIn() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        AvailabilityTestData.Site site = newSite(admin, CAIRO.getId());
        AvailabilityTestData.Doctor doctor = newDoctor(api, admin, site, "dermatology");
        UUID typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        Api.Response schedule = admin.header("If-None-Match", "*")
                .put(schedulePath(doctor.doctorId(), site.branchId()), everyDay("08:00", "20:00"));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);

        assertThat(jdbc.queryForObject(
                        "SELECT time_zone FROM branch_view WHERE branch_id = ?", String.class, site.branchId()))
                .isEqualTo("Africa/Cairo");
        assertThat(directory.branch(site.branchId()))
                .hasValueSatisfying(branch -> assertThat(branch.zone()).isEqualTo(CAIRO));
        assertThat(admin.get("/api/v1/clinics/" + site.clinicId() + "/branches/" + site.branchId())
                        .json("timeZone")
                        .asString())
                .isEqualTo("Africa/Cairo");

        Api patient = newPatient(api, site.branchId());
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        Api.Response slots = patient.get("/api/v1/slots?doctorId=" + doctor.doctorId() + "&branchId="
                + site.branchId() + "&appointmentTypeId=" + typeId + "&from=" + from + "&to=" + from.plusDays(5)
                + "&limit=5");
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        JsonNode first = slots.body().path("items").get(0);
        Instant start = Instant.parse(first.path("startUtc").asString());
        Instant end = Instant.parse(first.path("endUtc").asString());
        // The day's first slot opens the working hours in Cairo, not at 08:00 of another zone.
        assertThat(start.atZone(CAIRO).toLocalTime()).isEqualTo(LocalTime.of(8, 0));

        Api.Response held = patient.post(
                "/api/v1/appointments/holds",
                Map.of(
                        "slot",
                        Map.of(
                                "doctorId",
                                doctor.doctorId(),
                                "branchId",
                                site.branchId(),
                                "appointmentTypeId",
                                typeId,
                                "start",
                                start.toString())));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        UUID appointmentId = UUID.fromString(held.json("appointmentId").asString());

        Api.Response read = patient.get("/api/v1/appointments/" + appointmentId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(Instant.parse(read.json("start").asString())).isEqualTo(start);
        assertThat(Instant.parse(read.json("end").asString())).isEqualTo(end);
        // Stored as the same instant, whatever zone the database session reports times in.
        assertThat(jdbc.queryForObject(
                        "SELECT start_at = CAST(? AS timestamptz) AND end_at = CAST(? AS timestamptz)"
                                + " FROM appointment_view WHERE appointment_id = ?",
                        Boolean.class,
                        start.toString(),
                        end.toString(),
                        appointmentId))
                .isTrue();
    }
}
