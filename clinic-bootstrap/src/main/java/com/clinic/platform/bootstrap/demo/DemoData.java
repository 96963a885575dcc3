package com.clinic.platform.bootstrap.demo;

import com.clinic.directory.application.clinic.ClinicDirectory;
import com.clinic.directory.application.clinic.SiteInput;
import com.clinic.directory.application.doctor.DoctorDirectory;
import com.clinic.directory.application.doctor.DoctorInput;
import com.clinic.directory.application.patient.PatientInput;
import com.clinic.directory.application.patient.PatientRecords;
import com.clinic.directory.application.patient.PatientRegistration;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.identity.application.AccountActivation;
import com.clinic.identity.application.AccountAdministration;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With {@code --spring.profiles.active=demo}, an empty database is filled with the "Al Shifa Medical"
 * chain: three branches (Riyadh, Jeddah, Dubai), a manager, a receptionist per branch, twelve doctors,
 * forty patients at reception and four who sign in themselves; then {@link DemoScheduling} gives it
 * appointment types, schedules, appointments, today's queues and a waiting list. Everything goes
 * through the real use cases and commands, so the demo data has events, encryption, audit and read
 * models exactly like real data. Every demo login shares the password {@code clinic.demo.password},
 * and all of them are printed once, when they are made.
 *
 * <p>A database that already has a clinic is left alone, with one line saying so, and the server goes
 * on running on the data it has: restarting a demo server must not fail, and must not mix a second
 * chain into the first (or into real data).
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    static final String REFUSAL =
            "Demo data not seeded: the database already has clinics, and the demo profile seeds only an empty database";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final UUID SEEDER = UUID.fromString("00000000-0000-7000-8000-00000000de30");
    private static final Actor ADMIN = new Actor(SEEDER, Role.ADMIN, Optional.empty(), Optional.empty());
    /** The self-registrations count against a client budget like any other; this is the seeder's. */
    private static final String SEEDING_CLIENT = "demo-profile";

    private static final Set<DayOfWeek> SAUDI_WEEK =
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private record Branch(
            String nameAr,
            String nameEn,
            String address,
            String phone,
            String zone,
            String currency,
            Set<DayOfWeek> days) {}

    private record Doctor(
            String nameAr,
            String nameEn,
            String login,
            int branch,
            String specialty,
            Set<String> languages,
            String fee,
            String bioAr,
            String bioEn) {}

    private static final List<Branch> BRANCHES = List.of(
            new Branch(
                    "فرع الرياض",
                    "Riyadh",
                    "King Fahd Road, Al Olaya, Riyadh 12214",
                    "+966112345678",
                    "Asia/Riyadh",
                    "SAR",
                    EVERY_DAY),
            new Branch(
                    "فرع جدة",
                    "Jeddah",
                    "Prince Sultan Street, Al Zahraa, Jeddah 23425",
                    "+966122345678",
                    "Asia/Riyadh",
                    "SAR",
                    SAUDI_WEEK),
            new Branch(
                    "فرع دبي",
                    "Dubai",
                    "Al Wasl Road, Jumeirah 1, Dubai",
                    "+97143456789",
                    "Asia/Dubai",
                    "AED",
                    EVERY_DAY));

    private static final List<Doctor> DOCTORS = List.of(
            new Doctor(
                    "د. سارة القحطاني",
                    "Dr. Sarah Al-Qahtani",
                    "sarah.alqahtani",
                    0,
                    "cardiology",
                    Set.of("ar", "en"),
                    "450.00",
                    "استشارية أمراض القلب",
                    "Consultant cardiologist"),
            new Doctor(
                    "د. خالد العتيبي",
                    "Dr. Khalid Al-Otaibi",
                    "khalid.alotaibi",
                    0,
                    "pediatrics",
                    Set.of("ar", "en"),
                    "300.00",
                    "استشاري طب الأطفال",
                    "Consultant paediatrician"),
            new Doctor(
                    "د. نورة الشهري",
                    "Dr. Noura Al-Shehri",
                    "noura.alshehri",
                    0,
                    "dermatology",
                    Set.of("ar"),
                    "350.00",
                    "أخصائية الأمراض الجلدية",
                    "Dermatology specialist"),
            new Doctor(
                    "د. فهد الدوسري",
                    "Dr. Fahad Al-Dosari",
                    "fahad.aldosari",
                    0,
                    "orthopedics",
                    Set.of("ar", "en"),
                    "400.00",
                    "استشاري جراحة العظام",
                    "Consultant orthopaedic surgeon"),
            new Doctor(
                    "د. ريم الغامدي",
                    "Dr. Reem Al-Ghamdi",
                    "reem.alghamdi",
                    1,
                    "obstetrics-gynecology",
                    Set.of("ar", "en"),
                    "420.00",
                    "استشارية النساء والولادة",
                    "Consultant obstetrician and gynaecologist"),
            new Doctor(
                    "د. عبدالله الزهراني",
                    "Dr. Abdullah Al-Zahrani",
                    "abdullah.alzahrani",
                    1,
                    "family-medicine",
                    Set.of("ar"),
                    "200.00",
                    "طبيب أسرة",
                    "Family physician"),
            new Doctor(
                    "د. هند باخشب",
                    "Dr. Hind Bakhashab",
                    "hind.bakhashab",
                    1,
                    "ophthalmology",
                    Set.of("ar", "en", "fr"),
                    "380.00",
                    "استشارية طب العيون",
                    "Consultant ophthalmologist"),
            new Doctor(
                    "د. ماجد الحربي",
                    "Dr. Majed Al-Harbi",
                    "majed.alharbi",
                    1,
                    "ent",
                    Set.of("ar", "en"),
                    "320.00",
                    "استشاري الأنف والأذن والحنجرة",
                    "Consultant ENT surgeon"),
            new Doctor(
                    "د. ليلى المنصوري",
                    "Dr. Layla Al-Mansoori",
                    "layla.almansoori",
                    2,
                    "cardiology",
                    Set.of("ar", "en"),
                    "600.00",
                    "استشارية أمراض القلب",
                    "Consultant cardiologist"),
            new Doctor(
                    "د. أحمد الكعبي",
                    "Dr. Ahmed Al-Kaabi",
                    "ahmed.alkaabi",
                    2,
                    "internal-medicine",
                    Set.of("ar", "en"),
                    "450.00",
                    "استشاري الطب الباطني",
                    "Consultant internist"),
            new Doctor(
                    "د. بريا مينون",
                    "Dr. Priya Menon",
                    "priya.menon",
                    2,
                    "pediatrics",
                    Set.of("en", "hi", "ml"),
                    "400.00",
                    "أخصائية طب الأطفال",
                    "Paediatric specialist"),
            new Doctor(
                    "د. عمر حداد",
                    "Dr. Omar Haddad",
                    "omar.haddad",
                    2,
                    "dentistry",
                    Set.of("ar", "en", "fr"),
                    "350.00",
                    "طبيب أسنان عام",
                    "General dentist"));

    private static final String[][] FIRST_NAMES = {
        {"محمد", "Mohammed", "MALE"},
        {"فاطمة", "Fatimah", "FEMALE"},
        {"عبدالرحمن", "Abdulrahman", "MALE"},
        {"نورة", "Noura", "FEMALE"},
        {"سلطان", "Sultan", "MALE"},
        {"لطيفة", "Latifa", "FEMALE"},
        {"يوسف", "Yousef", "MALE"},
        {"مريم", "Maryam", "FEMALE"},
        {"تركي", "Turki", "MALE"},
        {"جود", "Joud", "FEMALE"}
    };
    private static final String[][] FAMILY_NAMES = {
        {"الشمري", "Al-Shammari"}, {"العنزي", "Al-Anazi"}, {"المطيري", "Al-Mutairi"}, {"السبيعي", "Al-Subaie"}
    };

    /** Patients who sign in themselves (the forty others are records reception made, without a login). */
    private record SelfRegistered(
            String nameAr,
            String nameEn,
            LocalDate born,
            Sex sex,
            String nationalId,
            String passport,
            String phone,
            String email,
            String language,
            int branch) {}

    private static final List<SelfRegistered> SELF_REGISTERED = List.of(
            new SelfRegistered(
                    "منى القحطاني",
                    "Mona Al-Qahtani",
                    LocalDate.of(1990, 4, 12),
                    Sex.FEMALE,
                    "1900000017",
                    null,
                    "+966550000101",
                    "mona.alqahtani@patients.example",
                    "ar",
                    0),
            new SelfRegistered(
                    "عمر الشهري",
                    "Omar Al-Shehri",
                    LocalDate.of(1984, 9, 30),
                    Sex.MALE,
                    "1900000025",
                    null,
                    "+966550000102",
                    "omar.alshehri@patients.example",
                    "en",
                    0),
            new SelfRegistered(
                    "حصة الغامدي",
                    "Hessa Al-Ghamdi",
                    LocalDate.of(1978, 1, 22),
                    Sex.FEMALE,
                    "1900000033",
                    null,
                    "+966550000103",
                    "hessa.alghamdi@patients.example",
                    "ar",
                    1),
            new SelfRegistered(
                    "راشد المنصوري",
                    "Rashid Al-Mansoori",
                    LocalDate.of(1995, 11, 5),
                    Sex.MALE,
                    null,
                    "P7700104",
                    "+971500000104",
                    "rashid.almansoori@patients.example",
                    "en",
                    2));

    private final ClinicDirectory clinics;
    private final DoctorDirectory doctors;
    private final PatientRecords patients;
    private final PatientRegistration registration;
    private final AccountAdministration accounts;
    private final AccountActivation activation;
    private final DemoScheduling scheduling;
    private final ReadModelBarrier readModels;
    private final String password;
    private final boolean defaultPassword;

    DemoData(
            ClinicDirectory clinics,
            DoctorDirectory doctors,
            PatientRecords patients,
            PatientRegistration registration,
            AccountAdministration accounts,
            AccountActivation activation,
            DemoScheduling scheduling,
            ReadModelBarrier readModels,
            DemoProperties properties) {
        this.clinics = clinics;
        this.doctors = doctors;
        this.patients = patients;
        this.registration = registration;
        this.accounts = accounts;
        this.activation = activation;
        this.scheduling = scheduling;
        this.readModels = readModels;
        this.password = properties.password();
        this.defaultPassword = DemoProperties.DEFAULT_PASSWORD.equals(properties.password());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!clinics.clinics(PageRequest.first(1)).items().isEmpty()) {
            log.warn(REFUSAL);
            return;
        }
        log.info("Seeding the Al Shifa Medical demo chain");
        List<String> logins = new ArrayList<>();
        ClinicView clinic = clinics.createClinic(
                ADMIN,
                new SiteInput(
                        "مستشفى الشفاء",
                        "Al Shifa Medical",
                        "King Fahd Road, Al Olaya, Riyadh 12214",
                        "+966112345600",
                        "Asia/Riyadh",
                        Optional.of("SAR"),
                        SAUDI_WEEK));
        settle();
        List<DemoScheduling.Site> sites = new ArrayList<>();
        for (Branch branch : BRANCHES) {
            BranchView opened = clinics.openBranch(
                    ADMIN,
                    clinic.id(),
                    new SiteInput(
                            branch.nameAr(),
                            branch.nameEn(),
                            branch.address(),
                            branch.phone(),
                            branch.zone(),
                            Optional.of(branch.currency()),
                            branch.days()));
            sites.add(new DemoScheduling.Site(opened.id(), branch.nameEn(), ZoneId.of(branch.zone())));
        }
        settle();
        UUID manager = staff("manager", Role.MANAGER, clinic.id(), Optional.empty(), "all branches", logins);
        List<UUID> reception = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            String name = BRANCHES.get(i).nameEn();
            reception.add(staff(
                    "reception." + name.toLowerCase(Locale.ROOT),
                    Role.RECEPTIONIST,
                    clinic.id(),
                    Optional.of(sites.get(i).branchId()),
                    name,
                    logins));
        }
        List<DemoScheduling.Doc> seededDoctors = new ArrayList<>();
        for (Doctor doctor : DOCTORS) {
            DemoScheduling.Site site = sites.get(doctor.branch());
            UUID userId = staff(
                    "dr." + doctor.login(),
                    Role.DOCTOR,
                    clinic.id(),
                    Optional.of(site.branchId()),
                    site.name() + ", " + doctor.specialty(),
                    logins);
            UUID doctorId = doctors.register(
                            ADMIN,
                            userId,
                            clinic.id(),
                            new DoctorInput(
                                    doctor.nameAr(),
                                    doctor.nameEn(),
                                    Set.of(site.branchId()),
                                    Set.of(doctor.specialty()),
                                    doctor.languages(),
                                    List.of(new DoctorInput.FeeInput(
                                            site.branchId(),
                                            new BigDecimal(doctor.fee()),
                                            BRANCHES.get(doctor.branch()).currency())),
                                    doctor.bioAr(),
                                    doctor.bioEn()))
                    .id();
            seededDoctors.add(
                    new DemoScheduling.Doc(doctorId, userId, doctor.branch(), doctor.login(), doctor.specialty()));
        }
        List<List<UUID>> atReception = new ArrayList<>();
        sites.forEach(site -> atReception.add(new ArrayList<>()));
        for (int i = 0; i < 40; i++) {
            int branch = i % 3;
            atReception
                    .get(branch)
                    .add(patients.register(ADMIN, sites.get(branch).branchId(), patient(i, branch == 2))
                            .id());
        }
        List<DemoScheduling.Signed> signed = new ArrayList<>();
        for (SelfRegistered patient : SELF_REGISTERED) {
            PatientRegistration.Registered registered = registration.register(
                    sites.get(patient.branch()).branchId(), input(patient), password, SEEDING_CLIENT);
            signed.add(new DemoScheduling.Signed(
                    registered.patientId(), registered.userId(), patient.branch(), patient.nameEn()));
            logins.add(String.format(
                    Locale.ROOT,
                    "%-42s PATIENT (%s; or %s)",
                    patient.email(),
                    BRANCHES.get(patient.branch()).nameEn(),
                    patient.phone()));
        }
        settle();
        DemoScheduling.Seeded seeded = scheduling.seed(
                new DemoScheduling.Chain(clinic.id(), sites, manager, reception, seededDoctors, atReception, signed));
        log.info(
                "Demo data seeded: 1 clinic, 3 branches, {} doctors, {} patients ({} who sign in); {}",
                DOCTORS.size(),
                40 + SELF_REGISTERED.size(),
                SELF_REGISTERED.size(),
                seeded);
        log.info(
                "Demo logins, password {}:\n  {}",
                defaultPassword
                        ? DemoProperties.DEFAULT_PASSWORD + " (the default of clinic.demo.password)"
                        : "as set in clinic.demo.password",
                String.join("\n  ", logins));
    }

    private UUID staff(
            String name, Role role, UUID clinicId, Optional<UUID> branchId, String where, List<String> logins) {
        String email = name + "@alshifa.example";
        AccountAdministration.Invitation invitation =
                accounts.invite(ADMIN, new AccountAdministration.Invite(email, role, Optional.of(clinicId), branchId));
        UUID userId = activation.activate(invitation.activationToken(), password);
        logins.add(String.format(Locale.ROOT, "%-42s %s (%s)", email, role, where));
        return userId;
    }

    private static PatientInput input(SelfRegistered patient) {
        return new PatientInput(
                patient.nameAr(),
                patient.nameEn(),
                patient.born(),
                patient.sex(),
                patient.nationalId(),
                patient.passport(),
                patient.phone(),
                patient.email(),
                null,
                null,
                patient.language(),
                new Consents(true, true, false, true));
    }

    private static PatientInput patient(int i, boolean inDubai) {
        String[] first = FIRST_NAMES[i % FIRST_NAMES.length];
        String[] family = FAMILY_NAMES[(i / FIRST_NAMES.length) % FAMILY_NAMES.length];
        String serial = String.format(Locale.ROOT, "%07d", 1_234_500 + i);
        String phone = inDubai ? "+97150" + serial : "+96655" + serial;
        return new PatientInput(
                first[0] + " " + family[0],
                first[1] + " " + family[1],
                LocalDate.of(1950 + (i * 7) % 70, 1 + i % 12, 1 + (i * 3) % 28),
                Sex.valueOf(first[2]),
                inDubai ? null : "1" + String.format(Locale.ROOT, "%09d", 100_000_000 + i * 7919),
                inDubai ? "P" + serial : null,
                phone,
                first[1].toLowerCase(Locale.ROOT) + "." + i + "@patients.example",
                i % 4 == 0 ? null : "Emergency contact of " + first[1],
                i % 4 == 0 ? null : (inDubai ? "+97155" : "+96650") + serial,
                i % 5 == 0 ? "en" : "ar",
                new Consents(true, true, i % 3 == 0, i % 2 == 0));
    }

    /** The next step reads what the last one wrote, through read models the projections keep (ADR 0008). */
    private void settle() {
        DemoScheduling.settle(readModels);
    }
}
