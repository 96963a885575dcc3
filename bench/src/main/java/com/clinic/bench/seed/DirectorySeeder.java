package com.clinic.bench.seed;

import com.clinic.bench.support.Api;
import com.clinic.bench.support.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Fills an empty server with a clinic chain through its public API, so every record has real events,
 * encryption and read models: clinics, branches, appointment types, doctors with weekly schedules,
 * receptionists, patients who use the app (with accounts) and patients registered at the desk. Writes
 * the ids the load test and the history loader need as CSV files.
 */
public final class DirectorySeeder {

    static final String STAFF_PASSWORD = "Bench-Staff-Passw0rd-2026";
    static final String PATIENT_PASSWORD = "Bench-Patient-Passw0rd-2026";
    static final List<String> SPECIALTIES = List.of(
            "cardiology", "pediatrics", "dermatology", "orthopedics", "family-medicine",
            "ophthalmology", "ent", "internal-medicine", "obstetrics-gynecology", "dentistry");
    private static final List<String> FIRST_EN = List.of(
            "Sara", "Khalid", "Noura", "Fahad", "Reem", "Abdullah", "Hind", "Majed", "Layla", "Ahmed",
            "Mona", "Omar", "Huda", "Yousef", "Aisha", "Faisal", "Lama", "Turki", "Dana", "Nasser");
    private static final List<String> FIRST_AR = List.of(
            "سارة", "خالد", "نورة", "فهد", "ريم", "عبدالله", "هند", "ماجد", "ليلى", "أحمد",
            "منى", "عمر", "هدى", "يوسف", "عائشة", "فيصل", "لمى", "تركي", "دانة", "ناصر");
    private static final List<String> LAST_EN = List.of(
            "Al-Qahtani", "Al-Otaibi", "Al-Shehri", "Al-Dosari", "Al-Ghamdi", "Al-Zahrani", "Al-Harbi",
            "Al-Mansoori", "Al-Kaabi", "Bakhashab");
    private static final List<String> LAST_AR = List.of(
            "القحطاني", "العتيبي", "الشهري", "الدوسري", "الغامدي", "الزهراني", "الحربي", "المنصوري", "الكعبي", "باخشب");

    record ClinicSpec(String nameEn, String nameAr, String zone, String currency, List<String> days, String phone) {}

    private static final List<ClinicSpec> CLINICS = List.of(
            new ClinicSpec("Al Shifa Medical", "الشفاء الطبية", "Asia/Riyadh", "SAR",
                    List.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"), "+966112345678"),
            new ClinicSpec("Red Sea Clinics", "عيادات البحر الأحمر", "Asia/Riyadh", "SAR",
                    List.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"), "+966122345678"),
            new ClinicSpec("Gulf Care", "رعاية الخليج", "Asia/Dubai", "AED",
                    List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "+97143456789"));

    record Branch(String id, String clinicId, String zone, List<String> days, String desk) {}

    private final Api api;
    private final Path out;
    private final int clinics;
    private final int branches;
    private final int doctors;
    private final int patients;
    private final int accounts;
    private final int concurrency;
    private final String runTag;

    DirectorySeeder(Options options) {
        this.api = new Api(options.get("base-url", "http://127.0.0.1:8080"));
        this.out = Path.of(options.get("out-dir", "bench/results/seed"));
        this.clinics = Math.min(options.integer("clinics", 3), CLINICS.size());
        this.branches = Math.max(options.integer("branches", 10), clinics);
        this.doctors = options.integer("doctors", 200);
        this.patients = options.integer("patients", 100_000);
        this.accounts = Math.min(options.integer("patient-accounts", 2_000), patients);
        this.concurrency = options.integer("concurrency", 16);
        this.runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        new DirectorySeeder(options).run(options.require("admin-email"), options.require("admin-password"));
    }

    void run(String adminEmail, String adminPassword) throws Exception {
        Files.createDirectories(out);
        long started = System.nanoTime();
        String admin = api.login(adminEmail, adminPassword);

        List<String> clinicIds = new ArrayList<>();
        List<Map<String, String>> types = new ArrayList<>();
        for (int c = 0; c < clinics; c++) {
            ClinicSpec spec = CLINICS.get(c);
            Map<String, Object> clinic = new LinkedHashMap<>();
            clinic.put("nameAr", spec.nameAr());
            clinic.put("nameEn", spec.nameEn());
            clinic.put("address", "Head office " + (c + 1));
            clinic.put("phone", spec.phone());
            clinic.put("timeZone", spec.zone());
            clinic.put("currency", spec.currency());
            clinic.put("workingDays", spec.days());
            String clinicId = api.ok("POST", "/api/v1/clinics", admin, clinic).get("id").asString();
            clinicIds.add(clinicId);
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("clinicId", clinicId);
            type.put("nameAr", "كشف");
            type.put("nameEn", "Consultation");
            type.put("durationMinutes", 20);
            type.put("bufferAfterMinutes", 5);
            type.put("minimumNoticeMinutes", 60);
            type.put("horizonDays", 60);
            type.put("capacity", 1);
            type.put("virtual", false);
            type.put("price", 300);
            type.put("currency", spec.currency());
            String typeId = api.ok("POST", "/api/v1/appointment-types", admin, type)
                    .get("appointmentTypeId")
                    .asString();
            types.add(Map.of("clinicId", clinicId, "typeId", typeId));
        }

        List<Branch> branchList = new ArrayList<>();
        List<String> deskLines = new ArrayList<>();
        for (int b = 0; b < branches; b++) {
            int c = b % clinics;
            ClinicSpec spec = CLINICS.get(c);
            String clinicId = clinicIds.get(c);
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("nameAr", "فرع " + (b + 1));
            site.put("nameEn", "Branch " + (b + 1));
            site.put("address", "Street " + (b + 1));
            site.put("phone", spec.phone());
            site.put("timeZone", spec.zone());
            site.put("workingDays", spec.days());
            String branchId = api.ok("POST", "/api/v1/clinics/" + clinicId + "/branches", admin, site)
                    .get("id")
                    .asString();
            String desk = null;
            for (int r = 0; r < 2; r++) {
                String email = "desk" + r + ".b" + b + "." + runTag + "@bench.clinic";
                staffAccount(admin, email, "RECEPTIONIST", clinicId, branchId);
                deskLines.add(String.join(",", email, STAFF_PASSWORD, branchId, clinicId));
                desk = desk == null ? api.login(email, STAFF_PASSWORD) : desk;
            }
            branchList.add(new Branch(branchId, clinicId, spec.zone(), spec.days(), desk));
        }
        write("desk.csv", "email,password,branchId,clinicId", deskLines);
        log("clinics, branches, types and desks", started);

        String typeHeader = "doctorId,branchId,clinicId,appointmentTypeId,specialty,email,zone";
        List<String> doctorLines = Collections.synchronizedList(new ArrayList<>());
        LocalDate effectiveFrom = LocalDate.now().minusDays(400);
        parallel(doctors, Math.min(concurrency, 4), d -> {
            Branch branch = branchList.get(d % branchList.size());
            String specialty = SPECIALTIES.get((d / branchList.size()) % SPECIALTIES.size());
            String email = "dr" + d + "." + runTag + "@bench.clinic";
            String userId = staffAccount(admin, email, "DOCTOR", branch.clinicId(), branch.id());
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("nameAr", "د. " + FIRST_AR.get(d % 20) + " " + LAST_AR.get(d / 20 % 10));
            profile.put("nameEn", "Dr. " + FIRST_EN.get(d % 20) + " " + LAST_EN.get(d / 20 % 10));
            profile.put("branchIds", List.of(branch.id()));
            profile.put("specialties", List.of(specialty));
            profile.put("languages", d % 3 == 0 ? List.of("ar") : List.of("ar", "en"));
            profile.put("fees", List.of(Map.of("branchId", branch.id(), "amount", 300, "currency",
                    branch.zone().equals("Asia/Dubai") ? "AED" : "SAR")));
            profile.put("bioAr", "استشاري");
            profile.put("bioEn", "Consultant");
            String doctorId = api.ok("POST", "/api/v1/doctors", admin,
                            Map.of("userId", userId, "clinicId", branch.clinicId(), "profile", profile))
                    .get("id")
                    .asString();
            List<Map<String, String>> intervals = new ArrayList<>();
            for (String day : branch.days()) {
                intervals.add(Map.of("day", day, "start", "09:00", "end", "13:00"));
                intervals.add(Map.of("day", day, "start", "16:00", "end", "20:00"));
            }
            api.ok("PUT", "/api/v1/doctors/" + doctorId + "/branches/" + branch.id() + "/schedule", admin,
                    Map.of("workingHours", List.of(Map.of("effectiveFrom", effectiveFrom.toString(), "intervals", intervals))));
            String typeId = types.stream()
                    .filter(t -> t.get("clinicId").equals(branch.clinicId()))
                    .findFirst()
                    .orElseThrow()
                    .get("typeId");
            doctorLines.add(String.join(",", doctorId, branch.id(), branch.clinicId(), typeId, specialty, email, branch.zone()));
        });
        write("doctors.csv", typeHeader, doctorLines);
        log(doctors + " doctors with schedules", started);

        List<String> accountLines = Collections.synchronizedList(new ArrayList<>());
        List<String> patientLines = Collections.synchronizedList(new ArrayList<>());
        // Argon2id costs the server ~50 ms of CPU per account: fewer parallel registrations than records.
        parallel(accounts, Math.min(concurrency, 4), p -> {
            Branch branch = branchList.get(p % branchList.size());
            String phone = phone(p);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("homeBranchId", branch.id());
            body.put("password", PATIENT_PASSWORD);
            body.put("patient", patient(p, phone));
            // Each patient from an address of their own: self-registration is budgeted per client (ADR 0013).
            String address = "198.19." + (p / 250 % 250) + "." + (1 + p % 250);
            JsonNode registered = api.ok("POST", "/api/v1/auth/register", null, body, "X-Forwarded-For", address);
            String patientId = registered.path("patientId").asString(null);
            if (patientId == null) {
                throw new IllegalStateException("registration answered without patientId: " + registered);
            }
            accountLines.add(String.join(",", phone, PATIENT_PASSWORD, patientId, branch.id()));
            patientLines.add(String.join(",", patientId, branch.id(), branch.clinicId()));
        });
        write("patient-accounts.csv", "login,password,patientId,branchId", accountLines);
        log(accounts + " patients with app accounts", started);

        AtomicInteger done = new AtomicInteger();
        parallel(patients - accounts, concurrency, i -> {
            int p = accounts + i;
            Branch branch = branchList.get(p % branchList.size());
            JsonNode created = api.ok("POST", "/api/v1/patients", branch.desk(),
                    Map.of("homeBranchId", branch.id(), "patient", patient(p, phone(p))));
            patientLines.add(String.join(",", created.get("id").asString(), branch.id(), branch.clinicId()));
            int n = done.incrementAndGet();
            if (n % 10_000 == 0) {
                log(n + " desk-registered patients", started);
            }
        });
        write("patients.csv", "patientId,branchId,clinicId", patientLines);
        log(patients + " patients in all", started);
    }

    private String staffAccount(String admin, String email, String role, String clinicId, String branchId) {
        JsonNode invite = api.ok("POST", "/api/v1/users", admin,
                Map.of("email", email, "role", role, "clinicId", clinicId, "branchId", branchId));
        api.ok("POST", "/api/v1/auth/activate", null,
                Map.of("token", invite.get("activationToken").asString(), "password", STAFF_PASSWORD));
        return invite.get("userId").asString();
    }

    private static String phone(int p) {
        return String.format("+96650%07d", p);
    }

    private static Map<String, Object> patient(int p, String phone) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("nameAr", FIRST_AR.get(p % 20) + " " + LAST_AR.get(p / 20 % 10));
        patient.put("nameEn", FIRST_EN.get(p % 20) + " " + LAST_EN.get(p / 20 % 10));
        patient.put("dateOfBirth", LocalDate.of(1950 + p % 60, 1 + p % 12, 1 + p % 28).toString());
        patient.put("sex", p % 2 == 0 ? "FEMALE" : "MALE");
        patient.put("nationalId", Long.toString(1_000_000_000L + p));
        patient.put("phone", phone);
        patient.put("preferredLanguage", p % 3 == 0 ? "en" : "ar");
        patient.put("consents", Map.of("treatment", true, "dataProcessing", true, "marketing", false, "reminders", true));
        return patient;
    }

    private static void parallel(int count, int threads, IntConsumerWithErrors task) throws Exception {
        Semaphore permits = new Semaphore(threads);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count && errors.isEmpty(); i++) {
                permits.acquire();
                int index = i;
                executor.submit(() -> {
                    try {
                        task.accept(index);
                    } catch (Throwable e) {
                        errors.add(e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("seeding failed: " + errors.getFirst().getMessage(), errors.getFirst());
        }
    }

    @FunctionalInterface
    private interface IntConsumerWithErrors {
        void accept(int index) throws Exception;
    }

    private void write(String file, String header, List<String> lines) {
        List<String> all = new ArrayList<>(lines.size() + 1);
        all.add(header);
        synchronized (lines) {
            all.addAll(lines);
        }
        try {
            Files.write(out.resolve(file), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void log(String what, long started) {
        System.out.printf("seed: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }

}
