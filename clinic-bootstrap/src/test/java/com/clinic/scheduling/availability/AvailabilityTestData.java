package com.clinic.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Clinics, branches, doctors, patients and appointment types made through the public API for HTTP tests. */
public final class AvailabilityTestData {

    public static final String PATIENT_PASSWORD = "Patient-Passw0rd!2026";

    private AvailabilityTestData() {}

    public record Site(UUID clinicId, UUID branchId) {}

    /** A doctor record and the user account it is linked to. */
    public record Doctor(UUID doctorId, Sessions.Session account) {}

    public static Site newSite(Api admin, String zone) {
        Api.Response clinic = admin.post("/api/v1/clinics", site("Clinic " + unique(), zone, "SAR"));
        assertThat(clinic.status()).as(clinic.toString()).isEqualTo(201);
        UUID clinicId = UUID.fromString(clinic.json("id").asString());
        awaitOk(admin, "/api/v1/clinics/" + clinicId);
        return new Site(clinicId, newBranch(admin, clinicId, zone));
    }

    public static UUID newBranch(Api admin, UUID clinicId, String zone) {
        Api.Response branch =
                admin.post("/api/v1/clinics/" + clinicId + "/branches", site("Branch " + unique(), zone, null));
        assertThat(branch.status()).as(branch.toString()).isEqualTo(201);
        UUID branchId = UUID.fromString(branch.json("id").asString());
        awaitOk(admin, "/api/v1/clinics/" + clinicId + "/branches/" + branchId);
        return branchId;
    }

    public static Doctor newDoctor(Api api, Api admin, Site site, String specialty) {
        Sessions.Session account = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());
        Map<String, Object> profile = new LinkedHashMap<>();
        String name = "Dr. " + unique();
        profile.put("nameAr", "د. " + name);
        profile.put("nameEn", name);
        profile.put("branchIds", List.of(site.branchId()));
        profile.put("specialties", List.of(specialty));
        profile.put("languages", List.of("ar"));
        profile.put("fees", List.of());
        profile.put("bioAr", "استشاري");
        profile.put("bioEn", "Consultant");
        Api.Response doctor = admin.post(
                "/api/v1/doctors", Map.of("userId", account.userId(), "clinicId", site.clinicId(), "profile", profile));
        assertThat(doctor.status()).as(doctor.toString()).isEqualTo(201);
        UUID doctorId = UUID.fromString(doctor.json("id").asString());
        awaitOk(admin, "/api/v1/doctors/" + doctorId);
        return new Doctor(doctorId, account);
    }

    /** A patient who registered themselves at the branch, signed in. */
    public static Api newPatient(Api api, UUID branchId) {
        String email = "patient." + unique() + "@example.com";
        Map<String, Object> patient = patientDetails();
        patient.put("email", email);
        patient.put("emergencyContactName", "Khalid");
        patient.put(
                "emergencyContactPhone",
                "+96655" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
        patient.put("preferredLanguage", "ar");
        patient.put(
                "consents", Map.of("treatment", true, "dataProcessing", true, "marketing", false, "reminders", true));
        // From the patient's own device: self-registration is budgeted per client address (ADR 0013).
        Api.Response registered = api.fromNewAddress()
                .anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("homeBranchId", branchId, "patient", patient, "password", PATIENT_PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return api.as(Sessions.login(api, email, PATIENT_PASSWORD).accessToken());
    }

    /** A patient's details with fresh national id and phone, without e-mail or emergency contact. */
    public static Map<String, Object> patientDetails() {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("nameAr", "مريض");
        patient.put("nameEn", "Patient " + unique());
        patient.put("dateOfBirth", "1987-06-15");
        patient.put("sex", "FEMALE");
        patient.put(
                "nationalId", "1" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999)));
        patient.put("phone", "+96655" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
        return patient;
    }

    public static Map<String, Object> appointmentType(UUID clinicId, int minutes, int capacity) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("clinicId", clinicId);
        type.put("nameAr", "كشف");
        type.put("nameEn", "Consultation " + unique());
        type.put("durationMinutes", minutes);
        type.put("bufferAfterMinutes", 0);
        type.put("minimumNoticeMinutes", 0);
        type.put("horizonDays", 120);
        type.put("capacity", capacity);
        type.put("virtual", false);
        type.put("price", 150);
        type.put("currency", "SAR");
        return type;
    }

    public static UUID newAppointmentType(Api manager, UUID clinicId, int minutes, int capacity) {
        Api.Response created = manager.post("/api/v1/appointment-types", appointmentType(clinicId, minutes, capacity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID typeId = UUID.fromString(created.json("appointmentTypeId").asString());
        awaitOk(manager, "/api/v1/appointment-types/" + typeId);
        return typeId;
    }

    /** Monday to Sunday, the same hours every day, valid from a week ago, open-ended. */
    public static Map<String, Object> everyDay(String start, String end) {
        List<Map<String, Object>> intervals = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> Map.<String, Object>of("day", day.name(), "start", start, "end", end))
                .toList();
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put(
                "effectiveFrom",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(7).toString());
        pattern.put("intervals", intervals);
        return Map.of("workingHours", List.of(pattern));
    }

    public static String schedulePath(UUID doctorId, UUID branchId) {
        return "/api/v1/doctors/" + doctorId + "/branches/" + branchId + "/schedule";
    }

    public static Map<String, Object> site(String nameEn, String zone, String currency) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("nameAr", "عيادة " + nameEn);
        site.put("nameEn", nameEn);
        site.put("address", "King Fahd Road, Riyadh");
        site.put("phone", "+966112345678");
        site.put("timeZone", zone);
        if (currency != null) {
            site.put("currency", currency);
        }
        site.put("workingDays", List.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        return site;
    }

    public static Api.Response awaitOk(Api api, String path) {
        Api.Response[] last = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            last[0] = api.get(path);
            assertThat(last[0].status()).as(last[0].toString()).isEqualTo(200);
        });
        return last[0];
    }

    /** Waits until the schedule's read model has caught up with the given ETag. */
    public static Api.Response awaitSchedule(Api api, String path, String etag) {
        Api.Response[] last = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            last[0] = api.get(path);
            assertThat(last[0].status()).as(last[0].toString()).isEqualTo(200);
            assertThat(last[0].header("ETag")).contains(etag);
        });
        return last[0];
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
