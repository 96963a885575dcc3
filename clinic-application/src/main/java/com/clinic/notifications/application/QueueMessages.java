package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.Names;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.NotificationRequests.Message;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.Urgency;
import com.clinic.scheduling.QueueTicketChanged;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "You are next" and "your turn" for registered patients in a walk-in queue: urgent (they go
 * through quiet hours) and pointless after a few minutes, so they lapse rather than arrive late.
 * One stored event can report both facts, so the cause is the event and the fact's kind.
 */
@Component
public class QueueMessages {

    public static final String YOU_ARE_NEXT = "queue.you-are-next";
    public static final String YOUR_TURN = "queue.your-turn";

    /** After this a "you are next" or "your turn" tells the patient nothing they can act on. */
    private static final Duration RELEVANT_FOR = Duration.ofMinutes(10);

    private final NotificationRequests requests;
    private final DirectoryFacts directory;

    public QueueMessages(NotificationRequests requests, DirectoryFacts directory) {
        this.requests = requests;
        this.directory = directory;
    }

    @EventListener
    public void on(QueueTicketChanged change) {
        Optional<UUID> patientId = change.patientId();
        Optional<PatientFacts> patient = patientId.flatMap(directory::patient).filter(p -> !p.erased());
        if (patient.isEmpty()) {
            return; // a walk-in without a record: the board calls them
        }
        String template =
                switch (change) {
                    case QueueTicketChanged.YouAreNext next -> YOU_ARE_NEXT;
                    case QueueTicketChanged.Called called -> YOUR_TURN;
                };
        Map<String, Value> parameters = new HashMap<>();
        parameters.put("ticketNumber", new Value.Count(change.number()));
        Names doctor = change.doctorId()
                .map(id -> directory.names(List.of(), List.of(id)).doctor(id))
                .orElse(Names.NONE);
        parameters.put("doctorName", NotificationRequests.name(doctor.nameAr(), doctor.nameEn()));
        parameters.put(NotificationDispatcher.ZONE, new Value.Text(change.zone().getId()));
        requests.request(new Message(
                template,
                Category.OFFERS,
                Urgency.URGENT,
                Recipient.patient(patientId.get(), patient.get().userId()),
                Optional.of(patient.get().clinicId()),
                Optional.of(change.ticketId()),
                parameters,
                change.at(),
                Optional.of(change.at().plus(RELEVANT_FOR)),
                "queue:" + change.eventId() + ":" + template));
    }
}
