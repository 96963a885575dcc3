package com.clinic.scheduling.queue;

import static org.awaitility.Awaitility.await;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.application.clinic.ClinicDirectory;
import com.clinic.directory.application.clinic.SiteInput;
import com.clinic.directory.application.doctor.DoctorDirectory;
import com.clinic.directory.application.doctor.DoctorInput;
import com.clinic.directory.application.patient.PatientInput;
import com.clinic.directory.application.patient.PatientRegistration;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.identity.application.AccountActivation;
import com.clinic.identity.application.AccountAdministration;
import com.clinic.identity.application.SessionService;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/**
 * A small clinic chain for the queue's tests, made once per test JVM through the real directory and
 * identity use cases (so the queue reads real directory read models and real access tokens): two
 * clinics; the first with two branches, two doctors at the main branch and one at the second; a
 * receptionist per branch, a manager per clinic; a registered patient who can sign in.
 */
final class QueueWorld {

    static final String PASSWORD = "Queue-Passw0rd!2026";
    private static final Actor SEEDER = new Actor(
            UUID.fromString("00000000-0000-7000-8000-0000000005ee"), Role.ADMIN, Optional.empty(), Optional.empty());
    private static final Set<DayOfWeek> WEEK = EnumSet.allOf(DayOfWeek.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static QueueWorld instance;

    /** A signed-in user: who they are to the services and their bearer token for HTTP. */
    record User(UUID userId, Actor actor, String token) {}

    final UUID clinicId;
    final UUID branchId;
    final UUID secondBranchId;
    final UUID otherClinicId;
    final UUID doctorId;
    final UUID colleagueId;
    final UUID secondBranchDoctorId;
    final User doctor;
    final User colleague;
    final User secondBranchDoctor;
    final User receptionist;
    final User secondBranchReceptionist;
    final User manager;
    final User otherClinicManager;
    final User admin;
    final UUID patientId;
    final User patient;

    private final Accounts accounts;
    private final DoctorDirectory doctors;
    private final DirectoryFacts directory;

    /** A doctor of the clinic at a branch, with a queue no other test uses. */
    record Doctor(UUID doctorId, User user) {}

    static synchronized QueueWorld in(ApplicationContext context) {
        if (instance == null) {
            instance = new QueueWorld(context);
        }
        return instance;
    }

    /** Today at the main branch (Asia/Riyadh has no DST, so "today" is unambiguous for the tests). */
    LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Riyadh"));
    }

    private QueueWorld(ApplicationContext context) {
        ClinicDirectory clinics = context.getBean(ClinicDirectory.class);
        doctors = context.getBean(DoctorDirectory.class);
        PatientRegistration registration = context.getBean(PatientRegistration.class);
        directory = context.getBean(DirectoryFacts.class);
        accounts = new Accounts(
                context.getBean(AccountAdministration.class),
                context.getBean(AccountActivation.class),
                context.getBean(SessionService.class));

        ClinicView clinic = clinics.createClinic(SEEDER, site("Queue Clinic", "Asia/Riyadh"));
        ClinicView otherClinic = clinics.createClinic(SEEDER, site("Other Clinic", "Asia/Dubai"));
        clinicId = clinic.id();
        otherClinicId = otherClinic.id();
        // By id: the test database is shared, so other tests' clinics may fill any first page.
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> clinics.clinic(clinicId).id().equals(clinicId)
                        && clinics.clinic(otherClinicId).id().equals(otherClinicId));
        BranchView main = clinics.openBranch(SEEDER, clinicId, site("Main", "Asia/Riyadh"));
        BranchView second = clinics.openBranch(SEEDER, clinicId, site("Second", "Asia/Riyadh"));
        branchId = main.id();
        secondBranchId = second.id();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.branch(branchId).isPresent()
                        && directory.branch(secondBranchId).isPresent());

        doctor = accounts.staff(Role.DOCTOR, clinicId, Optional.of(branchId));
        colleague = accounts.staff(Role.DOCTOR, clinicId, Optional.of(branchId));
        secondBranchDoctor = accounts.staff(Role.DOCTOR, clinicId, Optional.of(secondBranchId));
        receptionist = accounts.staff(Role.RECEPTIONIST, clinicId, Optional.of(branchId));
        secondBranchReceptionist = accounts.staff(Role.RECEPTIONIST, clinicId, Optional.of(secondBranchId));
        manager = accounts.staff(Role.MANAGER, clinicId, Optional.empty());
        otherClinicManager = accounts.staff(Role.MANAGER, otherClinicId, Optional.empty());
        admin = accounts.staff(Role.ADMIN, null, Optional.empty());

        doctorId = doctors.register(SEEDER, doctor.userId(), clinicId, doctorAt(branchId, "One"))
                .id();
        colleagueId = doctors.register(SEEDER, colleague.userId(), clinicId, doctorAt(branchId, "Two"))
                .id();
        secondBranchDoctorId = doctors.register(
                        SEEDER, secondBranchDoctor.userId(), clinicId, doctorAt(secondBranchId, "Three"))
                .id();

        String patientEmail = "queue.patient." + UUID.randomUUID().toString().substring(0, 8) + "@clinic.test";
        PatientRegistration.Registered registered =
                registration.register(branchId, patient(patientEmail), PASSWORD, "queue-world-" + UUID.randomUUID());
        patientId = registered.patientId();
        patient = accounts.signIn(
                registered.userId(),
                patientEmail,
                new Actor(registered.userId(), Role.PATIENT, Optional.empty(), Optional.empty()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.worksAt(doctorId, branchId)
                        && directory.worksAt(colleagueId, branchId)
                        && directory.worksAt(secondBranchDoctorId, secondBranchId)
                        && directory.doctorOfUser(doctor.userId()).isPresent()
                        && directory.doctorOfUser(colleague.userId()).isPresent()
                        && directory.isPatientOfClinic(patientId, clinicId)
                        && directory.patientOfUser(registered.userId()).isPresent());
    }

    synchronized Doctor freshDoctor(UUID branch) {
        User user = accounts.staff(Role.DOCTOR, clinicId, Optional.of(branch));
        UUID id = doctors.register(
                        SEEDER, user.userId(), clinicId, doctorAt(branch, "Fresh " + SEQUENCE.incrementAndGet()))
                .id();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.worksAt(id, branch)
                        && directory.doctorOfUser(user.userId()).isPresent());
        return new Doctor(id, user);
    }

    private static SiteInput site(String name, String zone) {
        return new SiteInput(
                "فرع " + name,
                name + " " + SEQUENCE.incrementAndGet(),
                "1 Test Street",
                "+966112345678",
                zone,
                Optional.of("SAR"),
                WEEK);
    }

    private static DoctorInput doctorAt(UUID branch, String name) {
        return new DoctorInput(
                "د. " + name,
                "Dr. " + name,
                Set.of(branch),
                Set.of("family-medicine"),
                Set.of("ar", "en"),
                List.of(new DoctorInput.FeeInput(branch, new BigDecimal("200.00"), "SAR")),
                "طبيب",
                "Physician");
    }

    private static PatientInput patient(String email) {
        String serial = String.format(Locale.ROOT, "%07d", 1_000_000 + Math.abs(email.hashCode() % 8_000_000));
        return new PatientInput(
                "مريض الطابور",
                "Queue Patient",
                LocalDate.of(1950, 3, 14),
                Sex.FEMALE,
                "1" + String.format(Locale.ROOT, "%09d", Math.abs(email.hashCode() % 1_000_000_000)),
                null,
                "+96655" + serial,
                email,
                null,
                null,
                "en",
                new Consents(true, true, false, true));
    }

    /** Staff accounts through identity's own use cases: invite, activate, sign in. */
    private record Accounts(
            AccountAdministration administration, AccountActivation activation, SessionService sessions) {

        User staff(Role role, UUID clinic, Optional<UUID> branch) {
            String email = role.name().toLowerCase(Locale.ROOT) + "." + SEQUENCE.incrementAndGet() + "."
                    + UUID.randomUUID().toString().substring(0, 8) + "@queue.test";
            Optional<UUID> clinicScope = Optional.ofNullable(clinic);
            AccountAdministration.Invitation invitation =
                    administration.invite(SEEDER, new AccountAdministration.Invite(email, role, clinicScope, branch));
            UUID userId = activation.activate(invitation.activationToken(), PASSWORD);
            return signIn(userId, email, new Actor(userId, role, clinicScope, branch));
        }

        User signIn(UUID userId, String login, Actor actor) {
            return new User(
                    userId,
                    actor,
                    sessions.login(login, PASSWORD, "127.0.0.1", Optional.empty())
                            .accessToken());
        }
    }
}
