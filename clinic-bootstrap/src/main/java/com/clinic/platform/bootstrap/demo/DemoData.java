package com.clinic.platform.bootstrap.demo;

import com.clinic.directory.application.clinic.ClinicDirectory;
import com.clinic.directory.application.clinic.SiteInput;
import com.clinic.directory.application.doctor.DoctorDirectory;
import com.clinic.directory.application.doctor.DoctorInput;
import com.clinic.directory.application.patient.PatientInput;
import com.clinic.directory.application.patient.PatientRecords;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.identity.application.AccountActivation;
import com.clinic.identity.application.AccountAdministration;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With {@code --spring.profiles.active=demo}, an empty directory is filled with the "Al Shifa
 * Medical" chain: three branches (Riyadh, Jeddah, Dubai), a manager, a receptionist per branch,
 * twelve doctors and forty patients. Everything goes through the real use cases and commands, so
 * the demo data has events, encryption and read models exactly like real data. Staff accounts all
 * share the password {@code clinic.demo.password}.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final UUID SEEDER = UUID.fromString("00000000-0000-7000-8000-00000000de30");
    private static final Actor ADMIN = new Actor(SEEDER, Role.ADMIN, Optional.empty(), Optional.empty());
    private static final Set<DayOfWeek> SAUDI_WEEK =
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    private static final Set<DayOfWeek> UAE_WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

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
                    SAUDI_WEEK),
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
                    UAE_WEEK));

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

    private final ClinicDirectory clinics;
    private final DoctorDirectory doctors;
    private final PatientRecords patients;
    private final AccountAdministration accounts;
    private final AccountActivation activation;
    private final String password;

    DemoData(
            ClinicDirectory clinics,
            DoctorDirectory doctors,
            PatientRecords patients,
            AccountAdministration accounts,
            AccountActivation activation,
            DemoProperties properties) {
        this.clinics = clinics;
        this.doctors = doctors;
        this.patients = patients;
        this.accounts = accounts;
        this.activation = activation;
        this.password = properties.password();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!clinics.clinics(PageRequest.first(1)).items().isEmpty()) {
            log.info("Demo data not seeded: the directory already has clinics");
            return;
        }
        log.info("Seeding the Al Shifa Medical demo chain");
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
        awaitPresent(
                () -> clinics.clinics(PageRequest.first(1)).items().stream().findFirst());
        List<BranchView> branches = new ArrayList<>();
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
            branches.add(opened);
            awaitPresent(() -> clinics.branch(opened.id()));
        }
        staff("manager", Role.MANAGER, clinic.id(), Optional.empty());
        for (int i = 0; i < branches.size(); i++) {
            BranchView branch = branches.get(i);
            staff(
                    "reception." + BRANCHES.get(i).nameEn().toLowerCase(Locale.ROOT),
                    Role.RECEPTIONIST,
                    clinic.id(),
                    Optional.of(branch.id()));
        }
        for (Doctor doctor : DOCTORS) {
            BranchView branch = branches.get(doctor.branch());
            UUID userId = staff("dr." + doctor.login(), Role.DOCTOR, clinic.id(), Optional.of(branch.id()));
            doctors.register(
                    ADMIN,
                    userId,
                    clinic.id(),
                    new DoctorInput(
                            doctor.nameAr(),
                            doctor.nameEn(),
                            Set.of(branch.id()),
                            Set.of(doctor.specialty()),
                            doctor.languages(),
                            List.of(new DoctorInput.FeeInput(
                                    branch.id(), new BigDecimal(doctor.fee()), branch.currency())),
                            doctor.bioAr(),
                            doctor.bioEn()));
        }
        for (int i = 0; i < 40; i++) {
            patients.register(ADMIN, branches.get(i % 3).id(), patient(i, i % 3 == 2));
        }
        log.info(
                "Demo data seeded: 1 clinic, 3 branches, {} doctors, 40 patients; staff log in as <name>@alshifa.example",
                DOCTORS.size());
    }

    private UUID staff(String name, Role role, UUID clinicId, Optional<UUID> branchId) {
        AccountAdministration.Invitation invitation = accounts.invite(
                ADMIN,
                new AccountAdministration.Invite(name + "@alshifa.example", role, Optional.of(clinicId), branchId));
        return activation.activate(invitation.activationToken(), password);
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

    /** The read models follow the events asynchronously; the next step needs what was just created. */
    private static void awaitPresent(Supplier<? extends Optional<?>> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (probe.get().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Demo seeding: the directory read model did not catch up in time");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Demo seeding interrupted", e);
            }
        }
    }
}
