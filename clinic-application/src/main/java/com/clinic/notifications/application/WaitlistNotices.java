package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.port.InAppDelivery;
import com.clinic.notifications.application.port.InAppDelivery.Notice;
import com.clinic.scheduling.WaitlistOfferChanged;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a patient about their waiting-list offers when scheduling reports them. Runs synchronously
 * in the publishing transaction: the notice exists exactly when the offer does.
 */
@Component
public class WaitlistNotices {

    public static final String OFFER_MADE = "waitlist.offer-made";
    public static final String OFFER_EXPIRED = "waitlist.offer-expired";

    private static final Logger log = LoggerFactory.getLogger(WaitlistNotices.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final DirectoryFacts directory;
    private final InAppDelivery delivery;

    public WaitlistNotices(DirectoryFacts directory, InAppDelivery delivery) {
        this.directory = directory;
        this.delivery = delivery;
    }

    @EventListener
    public void on(WaitlistOfferChanged change) {
        String template =
                switch (change) {
                    case WaitlistOfferChanged.Offered offered -> OFFER_MADE;
                    case WaitlistOfferChanged.Expired expired -> OFFER_EXPIRED;
                };
        Optional<UUID> recipient = directory.patient(change.patientId()).flatMap(PatientFacts::userId);
        if (recipient.isEmpty()) {
            // No login, so nothing in-app can reach them; reception sees the offer on the waiting list.
            log.info("Patient {} has no account to notify of {}", change.patientId(), template);
            return;
        }
        LocalDateTime start = LocalDateTime.ofInstant(change.start(), change.zone());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("entryId", change.entryId().toString());
        parameters.put("appointmentId", change.appointmentId().toString());
        parameters.put("doctorId", change.doctorId().toString());
        parameters.put("branchId", change.branchId().toString());
        parameters.put("date", start.toLocalDate().toString());
        parameters.put("time", start.toLocalTime().format(TIME));
        parameters.put(
                "expiresAt",
                LocalDateTime.ofInstant(change.expiresAt(), change.zone())
                        .toLocalTime()
                        .format(TIME));
        delivery.send(new Notice(recipient.get(), template, Map.copyOf(parameters), change.at()));
    }
}
