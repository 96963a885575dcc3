package com.clinic.scheduling;

import com.clinic.directory.application.patient.PersonalDataCodec;
import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.directory.domain.doctor.DoctorProfile;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientEvent.PatientRegistered;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.DomainEvent;
import com.clinic.scheduling.application.availability.AvailabilityIds;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.WorkingHoursDefined;
import com.clinic.scheduling.domain.availability.Price;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A clinic with one branch as the events its aggregates store, for specifications that are given
 * events rather than made over HTTP: the directory's (clinic, branch, doctors, patients) and
 * scheduling's (appointment types, weekly hours), each as its use case would record it. Every
 * instance has new ids, so specifications sharing one database never meet each other's clinic.
 * Patients' personal data is sealed with the application's own vault, as registration seals it, so
 * the directory's projection opens it and they are patients bookings accept. Doctors' user accounts
 * are not part of it: nothing a process does reads them.
 */
public final class GivenClinic {

    /** The bookings every type here allows: no buffers or notice, ninety days ahead, one patient a slot. */
    private static final Duration HORIZON = Duration.ofDays(90);

    public final UUID clinicId = UUID.randomUUID();
    public final UUID branchId = UUID.randomUUID();
    /** Who set the clinic up: an administrator, as far as the events say. */
    public final UUID admin = UUID.randomUUID();

    public final ZoneId zone;
    private final Instant at;
    private final PersonalDataCodec codec;

    public GivenClinic(ApplicationContext context, ZoneId zone, Instant at) {
        this.zone = zone;
        this.at = at;
        this.codec = new PersonalDataCodec(context.getBean(PersonalDataVault.class));
    }

    /** The clinic and its branch, open every day, in the branch's zone. */
    public DomainEvent[] opened() {
        SiteProfile profile = new SiteProfile(
                new BilingualText("عيادة", "Clinic"),
                "1 King Fahd Road",
                "+966500000000",
                zone.getId(),
                "SAR",
                EnumSet.allOf(DayOfWeek.class));
        return new DomainEvent[] {new ClinicCreated(clinicId, profile), new BranchOpened(branchId, clinicId, profile)};
    }

    /** A doctor of the clinic working at its branch. */
    public DoctorRegistered doctor(UUID doctorId, String specialty) {
        return new DoctorRegistered(
                doctorId,
                UUID.randomUUID(),
                clinicId,
                new DoctorProfile(
                        new BilingualText("طبيب", "Doctor"),
                        Set.of(branchId),
                        Set.of(specialty),
                        Set.of("ar", "en"),
                        List.of(),
                        new BilingualText("", "")));
    }

    public DoctorDeactivated deactivated(UUID doctorId) {
        return new DoctorDeactivated(doctorId);
    }

    /** A patient registered at the front desk (no login of their own), at home at the branch. */
    public PatientRegistered patient(UUID patientId) {
        return patient(patientId, Optional.empty());
    }

    /** A patient with a login of their own ({@code userId}), or without one, at home at the branch. */
    public PatientRegistered patient(UUID patientId, Optional<UUID> userId) {
        PatientPersonalData data = new PatientPersonalData(
                "مريض",
                "Patient " + patientId.toString().substring(0, 8),
                LocalDate.of(1990, 2, 11),
                Sex.FEMALE,
                Optional.empty(),
                Optional.empty(),
                "+966551234567",
                Optional.empty(),
                Optional.empty());
        return new PatientRegistered(
                patientId,
                clinicId,
                branchId,
                userId,
                codec.seal(patientId, data),
                "ar",
                new Consents(true, true, false, true));
    }

    public AppointmentTypeCreated appointmentType(UUID typeId, Duration duration) {
        return appointmentType(typeId, duration, false);
    }

    public AppointmentTypeCreated appointmentType(UUID typeId, Duration duration, boolean virtual) {
        return new AppointmentTypeCreated(
                typeId,
                clinicId,
                new BilingualName("كشف", "Consultation"),
                rules(duration),
                virtual,
                new Price(BigDecimal.TEN, "SAR"),
                admin,
                at);
    }

    /** The doctor's first weekly hours at the branch: these local hours every day, from today. */
    public WorkingHoursDefined everyDay(UUID doctorId, LocalTime start, LocalTime end) {
        List<WeeklyInterval> week = Arrays.stream(DayOfWeek.values())
                .map(day -> new WeeklyInterval(day, start, end))
                .toList();
        return new WorkingHoursDefined(
                scheduleId(doctorId),
                doctorId,
                branchId,
                List.of(new WorkingHours(week, LocalDate.ofInstant(at, zone), Optional.empty())),
                List.of(),
                admin,
                at);
    }

    public UUID scheduleId(UUID doctorId) {
        return AvailabilityIds.scheduleId(doctorId, branchId);
    }

    public UUID calendarId() {
        return AvailabilityIds.calendarId(branchId);
    }

    /** An in-person slot of a type defined here, as bookings resolve it. */
    public AppointmentSlot slot(UUID doctorId, UUID typeId, Duration duration, Instant start) {
        return slot(doctorId, typeId, duration, start, false);
    }

    public AppointmentSlot slot(UUID doctorId, UUID typeId, Duration duration, Instant start, boolean virtual) {
        TimeRange time = new TimeRange(start, start.plus(duration));
        BookingRules rules = rules(duration);
        return new AppointmentSlot(
                clinicId, branchId, doctorId, typeId, time, rules.blocked(time), virtual, rules.capacity());
    }

    private static BookingRules rules(Duration duration) {
        return new BookingRules(duration, Duration.ZERO, Duration.ZERO, Duration.ZERO, HORIZON, 1);
    }
}
