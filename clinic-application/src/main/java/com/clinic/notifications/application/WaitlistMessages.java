package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.Names;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.NotificationRequests.Message;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.Urgency;
import com.clinic.scheduling.WaitlistOfferChanged;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a patient about their waiting-list offers when scheduling reports them, in the publishing
 * step's transaction: the notification exists exactly when the offer does (ADR 0018). An offer is
 * urgent (it lapses in minutes) and stops mattering at its deadline; a lapsed offer cancels what of
 * its announcement has not gone out yet.
 */
@Component
public class WaitlistMessages {

    public static final String OFFER_MADE = "waitlist.offer-made";
    public static final String OFFER_EXPIRED = "waitlist.offer-expired";

    private final NotificationRequests requests;
    private final DirectoryFacts directory;

    public WaitlistMessages(NotificationRequests requests, DirectoryFacts directory) {
        this.requests = requests;
        this.directory = directory;
    }

    static String sourceOf(WaitlistOfferChanged change) {
        return "waitlist-offer:" + change.entryId() + ":" + change.appointmentId();
    }

    @EventListener
    public void on(WaitlistOfferChanged change) {
        Optional<PatientFacts> patient = directory.patient(change.patientId());
        if (patient.isEmpty() || patient.get().erased()) {
            return;
        }
        Names doctor = directory.names(List.of(), List.of(change.doctorId())).doctor(change.doctorId());
        Map<String, Value> parameters = new java.util.HashMap<>(Map.of(
                "doctorName",
                NotificationRequests.name(doctor.nameAr(), doctor.nameEn()),
                "start",
                new Value.Time(change.start()),
                NotificationDispatcher.ZONE,
                new Value.Text(change.zone().getId())));
        Recipient recipient =
                Recipient.patient(change.patientId(), patient.get().userId());
        switch (change) {
            case WaitlistOfferChanged.Offered offered -> {
                parameters.put("expiresAt", new Value.Time(offered.expiresAt()));
                parameters.put(
                        "minutesLeft",
                        new Value.Count(Math.max(
                                0,
                                Duration.between(offered.at(), offered.expiresAt())
                                        .toMinutes())));
                requests.request(new Message(
                        OFFER_MADE,
                        Category.OFFERS,
                        Urgency.URGENT,
                        recipient,
                        Optional.of(patient.get().clinicId()),
                        Optional.of(offered.appointmentId()),
                        parameters,
                        offered.at(),
                        Optional.of(offered.expiresAt()),
                        sourceOf(offered)));
            }
            case WaitlistOfferChanged.Expired expired -> {
                requests.cancel(sourceOf(expired), OFFER_MADE, "offer-expired");
                requests.request(new Message(
                        OFFER_EXPIRED,
                        Category.OFFERS,
                        Urgency.NORMAL,
                        recipient,
                        Optional.of(patient.get().clinicId()),
                        Optional.of(expired.appointmentId()),
                        parameters,
                        expired.at(),
                        Optional.empty(),
                        sourceOf(expired)));
            }
        }
    }
}
