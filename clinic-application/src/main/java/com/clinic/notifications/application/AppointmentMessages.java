package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.Names;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.NotificationRequests.Message;
import com.clinic.notifications.application.port.RecipientPreferences;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.QuietHours;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.ReminderRule;
import com.clinic.notifications.domain.ReminderRule.PlannedReminder;
import com.clinic.notifications.domain.Urgency;
import com.clinic.scheduling.AppointmentChanged;
import com.clinic.scheduling.AppointmentTypeNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a patient is told about their appointments, and the reminders that move with them. Runs in
 * the transaction of scheduling's facts processor (at least once, in order per appointment), so a
 * notification exists exactly when the processor has passed the fact; ids derive from the fact, so
 * a redelivered one requests nothing new.
 *
 * <p>Reminders are planned on the branch's clock when the time is booked, re-planned when it moves
 * and cancelled when it is cancelled or the patient arrives. A reminder's id derives from the
 * appointment, its start and the rule, so cancelling needs no lookup; and the dispatcher asks
 * scheduling once more before sending, so a reminder is never sent for a time the patient no longer
 * holds, even when the cancellation is still on its way here.
 */
@Component
public class AppointmentMessages {

    public static final String BOOKED = "appointment.booked";
    public static final String RESCHEDULED = "appointment.rescheduled";
    public static final String CANCELLED = "appointment.cancelled";
    public static final String REMINDER = "appointment.reminder";
    public static final String HOLD_EXPIRING = "appointment.hold-expiring";
    public static final String NO_SHOW = "appointment.no-show";

    private final NotificationRequests requests;
    private final DirectoryFacts directory;
    private final RecipientPreferences preferences;
    private final NotificationSettings settings;
    private final Clock clock;
    private final AppointmentTypeNames types;

    public AppointmentMessages(
            NotificationRequests requests,
            DirectoryFacts directory,
            AppointmentTypeNames types,
            RecipientPreferences preferences,
            NotificationSettings settings,
            Clock clock) {
        this.requests = requests;
        this.directory = directory;
        this.types = types;
        this.preferences = preferences;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    public void on(AppointmentChanged change) {
        Optional<PatientFacts> patient = directory.patient(change.patientId()).filter(p -> !p.erased());
        if (patient.isEmpty()) {
            return;
        }
        Recipient recipient =
                Recipient.patient(change.patientId(), patient.get().userId());
        switch (change) {
            case AppointmentChanged.Held held -> {
                if (held.waitlistEntryId().isPresent()) {
                    return; // an offer's hold: the offer itself tells the patient (WaitlistMessages)
                }
                Instant warnAt = held.holdUntil().minus(settings.holdWarningBefore());
                if (warnAt.isAfter(clock.instant())) {
                    Map<String, Value> parameters = parameters(change);
                    parameters.put("expiresAt", new Value.Time(held.holdUntil()));
                    parameters.put(
                            "minutesLeft",
                            new Value.Count(settings.holdWarningBefore().toMinutes()));
                    requests.request(message(
                            HOLD_EXPIRING,
                            Category.OFFERS,
                            Urgency.URGENT,
                            recipient,
                            change,
                            parameters,
                            warnAt,
                            Optional.of(held.holdUntil()),
                            holdSource(change)));
                }
            }
            case AppointmentChanged.Booked booked -> {
                requests.cancel(holdSource(change), HOLD_EXPIRING, "hold-confirmed");
                requests.request(message(
                        BOOKED,
                        Category.APPOINTMENTS,
                        Urgency.NORMAL,
                        recipient,
                        change,
                        parameters(change),
                        booked.at(),
                        Optional.empty(),
                        booked.eventId().toString()));
                planReminders(change, recipient, change.start());
            }
            case AppointmentChanged.HoldReleased released ->
                requests.cancel(holdSource(change), HOLD_EXPIRING, "hold-released");
            case AppointmentChanged.Rescheduled moved -> {
                cancelReminders(change, moved.previousStart(), "appointment-rescheduled");
                Map<String, Value> parameters = parameters(change);
                parameters.put("previousStart", new Value.Time(moved.previousStart()));
                parameters.put("byClinic", new Value.Text(Boolean.toString(!moved.byPatient())));
                requests.request(message(
                        RESCHEDULED,
                        Category.APPOINTMENTS,
                        Urgency.NORMAL,
                        recipient,
                        change,
                        parameters,
                        moved.at(),
                        Optional.empty(),
                        moved.eventId().toString()));
                planReminders(change, recipient, change.start());
            }
            case AppointmentChanged.Cancelled cancelled -> {
                cancelReminders(change, change.start(), "appointment-cancelled");
                if (cancelled.wasHold()) {
                    requests.cancel(holdSource(change), HOLD_EXPIRING, "hold-cancelled");
                    return;
                }
                Map<String, Value> parameters = parameters(change);
                parameters.put("byClinic", new Value.Text(Boolean.toString(!cancelled.byPatient())));
                parameters.put("late", new Value.Text(Boolean.toString(cancelled.late())));
                requests.request(message(
                        CANCELLED,
                        Category.APPOINTMENTS,
                        Urgency.NORMAL,
                        recipient,
                        change,
                        parameters,
                        cancelled.at(),
                        Optional.empty(),
                        cancelled.eventId().toString()));
            }
            case AppointmentChanged.NoShow noShow -> {
                cancelReminders(change, change.start(), "appointment-no-show");
                requests.request(message(
                        NO_SHOW,
                        Category.APPOINTMENTS,
                        Urgency.NORMAL,
                        recipient,
                        change,
                        parameters(change),
                        noShow.at(),
                        Optional.empty(),
                        noShow.eventId().toString()));
            }
            case AppointmentChanged.CheckedIn arrived -> cancelReminders(change, change.start(), "patient-arrived");
            case AppointmentChanged.Completed completed ->
                cancelReminders(change, change.start(), "appointment-completed");
        }
    }

    private void planReminders(AppointmentChanged change, Recipient recipient, Instant start) {
        Optional<QuietHours> quiet = recipient
                .userId()
                .flatMap(preferences::find)
                .flatMap(RecipientPreferences.Preferences::quietHours)
                .map(window -> new QuietHours(window.from(), window.until(), window.zone()));
        List<PlannedReminder> plan = ReminderRule.plan(
                settings.remindersFor(change.clinicId(), change.appointmentTypeId()),
                start,
                change.zone(),
                quiet,
                clock.instant());
        for (PlannedReminder planned : plan) {
            Map<String, Value> parameters = parameters(change);
            long hours = Math.max(
                    1, Math.round(Duration.between(planned.dueAt(), start).toMinutes() / 60.0));
            parameters.put("hoursBefore", new Value.Count(hours));
            requests.request(message(
                    REMINDER,
                    Category.REMINDERS,
                    Urgency.NORMAL,
                    recipient,
                    change,
                    parameters,
                    planned.dueAt(),
                    Optional.of(start),
                    reminderSource(change.appointmentId(), start, planned.rule())));
        }
    }

    private void cancelReminders(AppointmentChanged change, Instant start, String reason) {
        for (ReminderRule rule : settings.remindersFor(change.clinicId(), change.appointmentTypeId())) {
            requests.cancel(reminderSource(change.appointmentId(), start, rule), REMINDER, reason);
        }
    }

    static String reminderSource(UUID appointmentId, Instant start, ReminderRule rule) {
        return "reminder:" + appointmentId + ":" + start + ":" + rule.key();
    }

    private static String holdSource(AppointmentChanged change) {
        return "hold:" + change.appointmentId();
    }

    private Map<String, Value> parameters(AppointmentChanged change) {
        Names doctor = directory.names(List.of(), List.of(change.doctorId())).doctor(change.doctorId());
        Map<String, Value> parameters = new HashMap<>();
        parameters.put("doctorName", NotificationRequests.name(doctor.nameAr(), doctor.nameEn()));
        parameters.put("start", new Value.Time(change.start()));
        parameters.put(
                "appointmentType",
                types.nameOf(change.appointmentTypeId())
                        .map(name -> NotificationRequests.name(name.ar(), name.en()))
                        .orElse(new Value.Text("")));
        parameters.put(NotificationDispatcher.ZONE, new Value.Text(change.zone().getId()));
        return parameters;
    }

    private static Message message(
            String template,
            Category category,
            Urgency urgency,
            Recipient recipient,
            AppointmentChanged change,
            Map<String, Value> parameters,
            Instant dueAt,
            Optional<Instant> expiresAt,
            String source) {
        return new Message(
                template,
                category,
                urgency,
                recipient,
                Optional.of(change.clinicId()),
                Optional.of(change.appointmentId()),
                parameters,
                dueAt,
                expiresAt,
                source);
    }
}
