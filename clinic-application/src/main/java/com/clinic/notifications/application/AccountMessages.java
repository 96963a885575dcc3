package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.ClinicFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.identity.PasswordResetLinkIssued;
import com.clinic.identity.StaffInvitationIssued;
import com.clinic.notifications.application.NotificationRequests.Message;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.Urgency;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends a password reset link to the account's own logins, and a staff invitation to the invited
 * address, in the transaction that issued the secret: the message exists exactly when the link
 * does. Account messages are not held back by quiet hours and cannot be switched off; one that
 * could not go out before the link expires lapses. There is no in-app copy, since whoever needs it
 * cannot sign in.
 *
 * <p>The link's secret travels in the message's sealed content, like everything a message says,
 * under the recipient's key (the patient's for a patient, so erasing them shreds it too).
 */
@Component
public class AccountMessages {

    public static final String PASSWORD_RESET = "account.password-reset";
    public static final String STAFF_INVITATION = "account.staff-invitation";

    /** The page of the app or web front end that asks for the new password and posts the secret. */
    static final String RESET_PAGE = "/reset-password#token=";

    /** The page that sets an invited account's first password (POST /api/v1/auth/activate). */
    static final String ACTIVATION_PAGE = "/activate#token=";

    private final NotificationRequests requests;
    private final DirectoryFacts directory;
    private final NotificationSettings settings;

    public AccountMessages(NotificationRequests requests, DirectoryFacts directory, NotificationSettings settings) {
        this.requests = requests;
        this.directory = directory;
        this.settings = settings;
    }

    @EventListener
    public void on(PasswordResetLinkIssued issued) {
        UUID userId = issued.userId();
        Optional<PatientFacts> patient = directory.patientOfUser(userId).filter(p -> !p.erased());
        Recipient recipient = patient.map(p -> Recipient.patient(p.patientId(), Optional.of(userId)))
                .orElse(Recipient.account(userId));
        Map<String, Value> parameters = new HashMap<>();
        parameters.put("link", new Value.Text(settings.link(RESET_PAGE + issued.token())));
        parameters.put("expiresAt", new Value.Time(issued.expiresAt()));
        parameters.put(
                "minutesValid",
                new Value.Count(
                        Duration.between(issued.at(), issued.expiresAt()).toMinutes()));
        issued.email().ifPresent(email -> parameters.put(NotificationDispatcher.EMAIL, new Value.Text(email)));
        issued.phoneE164().ifPresent(phone -> parameters.put(NotificationDispatcher.PHONE, new Value.Text(phone)));
        Optional<UUID> clinicId = patient.map(PatientFacts::clinicId).or(issued::clinicId);
        putZone(
                parameters,
                patient.map(PatientFacts::homeBranchId).or(issued::branchId),
                () -> clinicId.flatMap(directory::clinic));
        requests.requestOutOnly(new Message(
                PASSWORD_RESET,
                Category.ACCOUNT,
                Urgency.NORMAL,
                recipient,
                clinicId,
                Optional.empty(),
                parameters,
                issued.at(),
                Optional.of(issued.expiresAt()),
                "password-reset:" + userId + ":" + issued.at().toEpochMilli()));
    }

    @EventListener
    public void on(StaffInvitationIssued invited) {
        Optional<ClinicFacts> clinic = invited.clinicId().flatMap(directory::clinic);
        Map<String, Value> parameters = new HashMap<>();
        parameters.put(
                "clinicName",
                clinic.map(c -> NotificationRequests.name(
                                c.names().nameAr(), c.names().nameEn()))
                        .orElse(ORGANISATION));
        parameters.put("link", new Value.Text(settings.link(ACTIVATION_PAGE + invited.token())));
        parameters.put("expiresAt", new Value.Time(invited.expiresAt()));
        parameters.put(NotificationDispatcher.EMAIL, new Value.Text(invited.email()));
        putZone(parameters, invited.branchId(), () -> clinic);
        requests.requestOutOnly(new Message(
                STAFF_INVITATION,
                Category.ACCOUNT,
                Urgency.NORMAL,
                Recipient.account(invited.userId()),
                invited.clinicId(),
                Optional.empty(),
                parameters,
                invited.at(),
                Optional.of(invited.expiresAt()),
                "staff-invitation:" + invited.userId()));
    }

    /** Who invites administrators and auditors, who belong to no one clinic. */
    private static final Value ORGANISATION = new Value.Name("فريق العيادات", "the clinics' team");

    /** The branch's zone, else the clinic's; with neither, the message shows UTC and says so. */
    private void putZone(
            Map<String, Value> parameters, Optional<UUID> branchId, Supplier<Optional<ClinicFacts>> clinic) {
        branchId.flatMap(directory::branch)
                .map(BranchFacts::zone)
                .or(() -> clinic.get().map(ClinicFacts::zone))
                .ifPresent(zone -> parameters.put(NotificationDispatcher.ZONE, new Value.Text(zone.getId())));
    }
}
