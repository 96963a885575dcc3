package com.clinic.notifications.application;

import com.clinic.notifications.application.port.DeliveryReport;
import com.clinic.notifications.application.port.NotificationReadModel;
import com.clinic.notifications.application.port.OptOuts;
import com.clinic.notifications.application.port.ProviderWebhooks;
import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.notifications.domain.NotificationCommand.ReportedStatus;
import com.clinic.platform.application.axon.Commands;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The providers' signed reports: delivered, bounced, dropped, spam complaints, and recipients who
 * said STOP or unsubscribed. Nothing is read before the signature checks out; then, in one
 * transaction, each report becomes a command for its notification (found by the id the provider
 * echoed back, or by the provider's own message id) and each opt-out an entry in the opt-out list.
 * A report sent again is recorded once: the decider ignores what it already knows.
 */
@Service
public class ProviderReports {

    private static final Logger log = LoggerFactory.getLogger(ProviderReports.class);

    private final ProviderWebhooks webhooks;
    private final NotificationReadModel notifications;
    private final OptOuts optOuts;
    private final AddressIndex addresses;
    private final Commands commands;
    private final EventStore events;
    private final Clock clock;

    public ProviderReports(
            ProviderWebhooks webhooks,
            NotificationReadModel notifications,
            OptOuts optOuts,
            AddressIndex addresses,
            Commands commands,
            EventStore events,
            Clock clock) {
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.optOuts = optOuts;
        this.addresses = addresses;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /** Throws {@link ProviderWebhooks.BadSignature} before anything is recorded. */
    @Transactional
    public int emailEvents(byte[] body, String signature, String timestamp) {
        return apply(webhooks.emailEvents(body, signature, timestamp));
    }

    /** Throws {@link ProviderWebhooks.BadSignature} before anything is recorded. */
    @Transactional
    public int smsCallback(String url, Map<String, String> parameters, String signature) {
        return apply(webhooks.smsCallback(url, parameters, signature));
    }

    private int apply(List<DeliveryReport> reports) {
        int applied = 0;
        for (DeliveryReport report : reports) {
            switch (report.status()) {
                case OPTED_OUT ->
                    report.address()
                            .ifPresent(address -> optOuts.optOut(
                                    report.channel(),
                                    addresses.of(report.channel(), address),
                                    report.provider(),
                                    clock.instant()));
                case OPTED_IN ->
                    report.address()
                            .ifPresent(address -> optOuts.optIn(
                                    report.channel(), addresses.of(report.channel(), address), clock.instant()));
                case SPAM_REPORTED -> {
                    report.address()
                            .ifPresent(address -> optOuts.optOut(
                                    report.channel(),
                                    addresses.of(report.channel(), address),
                                    "spam-report",
                                    clock.instant()));
                    record(report, ReportedStatus.SPAM_REPORTED);
                }
                case DELIVERED -> record(report, ReportedStatus.DELIVERED);
                case BOUNCED -> record(report, ReportedStatus.BOUNCED);
                case DROPPED -> record(report, ReportedStatus.DROPPED);
                case FAILED -> record(report, ReportedStatus.FAILED);
            }
            applied++;
        }
        return applied;
    }

    private void record(DeliveryReport report, ReportedStatus status) {
        Optional<UUID> notificationId = report.notificationId().or(() -> report.providerMessageId()
                .flatMap(messageId -> notifications.byProviderMessage(report.provider(), messageId)));
        if (notificationId.isEmpty()) {
            log.info("{} report {} for a message we do not know; ignored", report.provider(), status);
            return;
        }
        // Asked first rather than caught: a refused command would mark the whole request's
        // transaction for rollback, losing the other reports of the batch.
        if (events.lastSequenceNumberFor(notificationId.get().toString()).isEmpty()) {
            log.info(
                    "{} report {} names notification {} which does not exist; ignored",
                    report.provider(),
                    status,
                    notificationId.get());
            return;
        }
        commands.send(new NotificationCommand.RecordReport(
                notificationId.get(), report.channel(), status, report.detail(), report.at()));
    }
}
