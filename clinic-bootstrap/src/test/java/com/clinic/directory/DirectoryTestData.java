package com.clinic.directory;

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

/** Builders and steps the directory's HTTP tests share; every call makes fresh, unique data. */
final class DirectoryTestData {

    private DirectoryTestData() {}

    /** A fresh clinic with one branch, both visible in the read models. */
    record Site(UUID clinicId, UUID branchId) {}

    static Map<String, Object> site(String nameEn, String timeZone, String currency) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("nameAr", "عيادة " + nameEn);
        site.put("nameEn", nameEn);
        site.put("address", "King Fahd Road, Riyadh");
        site.put("phone", "+966112345678");
        site.put("timeZone", timeZone);
        if (currency != null) {
            site.put("currency", currency);
        }
        site.put("workingDays", List.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        return site;
    }

    static Site newSite(Api api) {
        Api admin = api.as(Sessions.admin(api));
        Api.Response clinic = admin.post("/api/v1/clinics", site("Clinic " + unique(), "Asia/Riyadh", "SAR"));
        assertThat(clinic.status()).as(clinic.toString()).isEqualTo(201);
        UUID clinicId = UUID.fromString(clinic.json("id").asString());
        awaitOk(admin, "/api/v1/clinics/" + clinicId);
        UUID branchId = newBranch(admin, clinicId);
        return new Site(clinicId, branchId);
    }

    static UUID newBranch(Api admin, UUID clinicId) {
        Api.Response branch = admin.post(
                "/api/v1/clinics/" + clinicId + "/branches", site("Branch " + unique(), "Asia/Riyadh", null));
        assertThat(branch.status()).as(branch.toString()).isEqualTo(201);
        UUID branchId = UUID.fromString(branch.json("id").asString());
        awaitOk(admin, "/api/v1/clinics/" + clinicId + "/branches/" + branchId);
        return branchId;
    }

    static Map<String, Object> patient(String nameEn, String phone, String nationalId, String email) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("nameAr", "مريض " + nameEn);
        patient.put("nameEn", nameEn);
        patient.put("dateOfBirth", "1987-06-15");
        patient.put("sex", "FEMALE");
        patient.put("nationalId", nationalId);
        patient.put("phone", phone);
        patient.put("email", email);
        patient.put("emergencyContactName", "Khalid " + nameEn);
        patient.put("emergencyContactPhone", saudiMobile());
        patient.put("preferredLanguage", "ar");
        patient.put(
                "consents", Map.of("treatment", true, "dataProcessing", true, "marketing", false, "reminders", true));
        return patient;
    }

    /** Staff create a patient at a branch; answers the new patient's id once it is readable. */
    static UUID newPatient(Api staff, UUID branchId, Map<String, Object> patient) {
        Api.Response created = staff.post("/api/v1/patients", Map.of("homeBranchId", branchId, "patient", patient));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID patientId = UUID.fromString(created.json("id").asString());
        awaitOk(staff, "/api/v1/patients/" + patientId);
        return patientId;
    }

    /** Registers a doctor for a fresh DOCTOR account at the branch; answers the doctor id once readable. */
    static UUID newDoctor(Api api, Site site, String nameEn, String specialty, List<String> languages) {
        Sessions.Session account = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());
        Api admin = api.as(Sessions.admin(api));
        Api.Response doctor =
                admin.post("/api/v1/doctors", doctorRequest(account.userId(), site, nameEn, specialty, languages));
        assertThat(doctor.status()).as(doctor.toString()).isEqualTo(201);
        UUID doctorId = UUID.fromString(doctor.json("id").asString());
        awaitOk(admin, "/api/v1/doctors/" + doctorId);
        return doctorId;
    }

    static Map<String, Object> doctorRequest(
            UUID userId, Site site, String nameEn, String specialty, List<String> languages) {
        return Map.of(
                "userId",
                userId,
                "clinicId",
                site.clinicId(),
                "profile",
                doctorProfile(site, nameEn, specialty, languages));
    }

    static Map<String, Object> doctorProfile(Site site, String nameEn, String specialty, List<String> languages) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("nameAr", "د. " + nameEn);
        profile.put("nameEn", nameEn);
        profile.put("branchIds", List.of(site.branchId()));
        profile.put("specialties", List.of(specialty));
        profile.put("languages", languages);
        profile.put("fees", List.of(Map.of("branchId", site.branchId(), "amount", 350.00, "currency", "SAR")));
        profile.put("bioAr", "استشاري");
        profile.put("bioEn", "Consultant");
        return profile;
    }

    static Api.Response awaitOk(Api api, String path) {
        Api.Response[] last = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            last[0] = api.get(path);
            assertThat(last[0].status()).as(last[0].toString()).isEqualTo(200);
        });
        return last[0];
    }

    static String saudiMobile() {
        return "+96655" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    static String nationalId() {
        return "1" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
