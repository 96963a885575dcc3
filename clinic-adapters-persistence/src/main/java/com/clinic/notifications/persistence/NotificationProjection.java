package com.clinic.notifications.persistence;

import static com.clinic.notifications.persistence.jooq.Tables.IN_APP_NOTIFICATION;
import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_ATTEMPT;
import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_VIEW;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import com.clinic.notifications.domain.NotificationEvent.ChannelFailedOver;
import com.clinic.notifications.domain.NotificationEvent.DeliveryAttempted;
import com.clinic.notifications.domain.NotificationEvent.DeliveryDeferred;
import com.clinic.notifications.domain.NotificationEvent.DeliveryFailed;
import com.clinic.notifications.domain.NotificationEvent.NotificationCancelled;
import com.clinic.notifications.domain.NotificationEvent.NotificationDeadLettered;
import com.clinic.notifications.domain.NotificationEvent.NotificationDelivered;
import com.clinic.notifications.domain.NotificationEvent.NotificationDue;
import com.clinic.notifications.domain.NotificationEvent.NotificationLapsed;
import com.clinic.notifications.domain.NotificationEvent.NotificationRead;
import com.clinic.notifications.domain.NotificationEvent.NotificationRedriven;
import com.clinic.notifications.domain.NotificationEvent.NotificationRendered;
import com.clinic.notifications.domain.NotificationEvent.NotificationRequested;
import com.clinic.notifications.domain.NotificationEvent.NotificationScheduled;
import com.clinic.notifications.domain.NotificationEvent.NotificationSent;
import com.clinic.notifications.domain.NotificationEvent.NotificationSuppressed;
import com.clinic.notifications.domain.NotificationEvent.RetryScheduled;
import com.clinic.notifications.domain.NotificationStatus;
import com.clinic.notifications.persistence.jooq.tables.records.NotificationViewRecord;
import com.clinic.platform.persistence.ProjectionWrites;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.springframework.stereotype.Component;

/**
 * Builds {@code notification_view} (each notification's state now) and {@code notification_attempt}
 * (every provider call) from the notification events, following the decider's own transitions.
 *
 * <p>Idempotent: a request's row is inserted once, every other event moves the row only past the
 * sequence number it last applied, and an attempt is recorded only by the event that moves the row,
 * so a redelivered event changes nothing. Each notification is one aggregate, so however the streams
 * of different notifications interleave, each row sees its own events in order. A redrive numbers
 * its attempts from 1 again: they are kept apart from the earlier ones by the row's redrive count.
 * A read also stamps the in-app notice it was (the dispatcher stores it under the notification's id).
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationProjection {

    static final String PROCESSING_GROUP = "notifications-history";

    private final DSLContext db;
    private final ProjectionWrites writes;

    NotificationProjection(DSLContext db, ProjectionWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @EventHandler
    void on(NotificationRequested event, @SequenceNumber long version) {
        writes.execute(db.insertInto(NOTIFICATION_VIEW)
                .set(NOTIFICATION_VIEW.NOTIFICATION_ID, event.notificationId())
                .set(NOTIFICATION_VIEW.TEMPLATE, event.template())
                .set(NOTIFICATION_VIEW.CATEGORY, event.category().name())
                .set(
                        NOTIFICATION_VIEW.RECIPIENT_USER_ID,
                        event.recipient().userId().orElse(null))
                .set(NOTIFICATION_VIEW.PATIENT_ID, event.recipient().patientId().orElse(null))
                .set(NOTIFICATION_VIEW.CLINIC_ID, event.clinicId().orElse(null))
                .set(NOTIFICATION_VIEW.ABOUT, event.about().orElse(null))
                .set(NOTIFICATION_VIEW.STATUS, NotificationStatus.DUE.name())
                .set(
                        NOTIFICATION_VIEW.CHANNEL,
                        event.channels().isEmpty()
                                ? null
                                : event.channels().getFirst().name())
                .set(NOTIFICATION_VIEW.REQUESTED_AT, event.at())
                .set(NOTIFICATION_VIEW.DUE_AT, event.dueAt())
                .set(NOTIFICATION_VIEW.REDRIVES, 0)
                .set(NOTIFICATION_VIEW.VERSION, version)
                .set(NOTIFICATION_VIEW.UPDATED_AT, event.at())
                .onConflict(NOTIFICATION_VIEW.NOTIFICATION_ID)
                .doNothing());
    }

    @EventHandler
    void on(NotificationScheduled event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.SCHEDULED, version, event.at()).set(NOTIFICATION_VIEW.DUE_AT, event.dueAt()),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(NotificationDue event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.DUE, version, event.at())
                        .set(NOTIFICATION_VIEW.CHANNEL, event.channel().name())
                        .set(NOTIFICATION_VIEW.DUE_AT, event.at()),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(NotificationRendered event, @SequenceNumber long version) {
        apply(change(NotificationStatus.IN_FLIGHT, version, event.at()), event.notificationId(), version);
    }

    /** The attempt is recorded in the same step that moves the row past it, so only once. */
    @EventHandler
    void on(DeliveryAttempted event, @SequenceNumber long version) {
        var v = NOTIFICATION_VIEW;
        writes.execute(db.insertInto(
                        NOTIFICATION_ATTEMPT,
                        NOTIFICATION_ATTEMPT.NOTIFICATION_ID,
                        NOTIFICATION_ATTEMPT.REDRIVE,
                        NOTIFICATION_ATTEMPT.CHANNEL,
                        NOTIFICATION_ATTEMPT.ATTEMPT,
                        NOTIFICATION_ATTEMPT.PROVIDER,
                        NOTIFICATION_ATTEMPT.OUTCOME,
                        NOTIFICATION_ATTEMPT.PROVIDER_MESSAGE_ID,
                        NOTIFICATION_ATTEMPT.ANSWER,
                        NOTIFICATION_ATTEMPT.LATENCY_MS,
                        NOTIFICATION_ATTEMPT.AT)
                .select(select(
                                v.NOTIFICATION_ID,
                                v.REDRIVES,
                                val(event.channel().name()),
                                val(event.attempt()),
                                val(event.provider()),
                                val(event.outcome().name()),
                                val(event.providerMessageId().orElse(null), NOTIFICATION_ATTEMPT.PROVIDER_MESSAGE_ID),
                                val(event.answer()),
                                val(event.latencyMillis()),
                                val(event.at(), NOTIFICATION_ATTEMPT.AT))
                        .from(v)
                        .where(current(event.notificationId(), version)))
                .onConflictDoNothing());
        writes.execute(db.update(v)
                .set(v.VERSION, version)
                .set(v.UPDATED_AT, event.at())
                .where(current(event.notificationId(), version)));
    }

    @EventHandler
    void on(NotificationSent event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.SENT, version, event.at())
                        .set(NOTIFICATION_VIEW.CHANNEL, event.channel().name())
                        .setNull(NOTIFICATION_VIEW.REASON),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(RetryScheduled event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.WAITING, version, event.at()).set(NOTIFICATION_VIEW.DUE_AT, event.retryAt()),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(DeliveryDeferred event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.WAITING, version, event.at())
                        .set(NOTIFICATION_VIEW.DUE_AT, event.until())
                        .set(NOTIFICATION_VIEW.REASON, event.reason()),
                event.notificationId(),
                version);
    }

    /** The status stays what it was: the NotificationDue on the next channel follows at once. */
    @EventHandler
    void on(ChannelFailedOver event, @SequenceNumber long version) {
        apply(
                db.update(NOTIFICATION_VIEW)
                        .set(NOTIFICATION_VIEW.CHANNEL, event.to().name())
                        .set(NOTIFICATION_VIEW.REASON, event.reason())
                        .set(NOTIFICATION_VIEW.VERSION, version)
                        .set(NOTIFICATION_VIEW.UPDATED_AT, event.at()),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(NotificationDelivered event, @SequenceNumber long version) {
        apply(change(NotificationStatus.DELIVERED, version, event.at()), event.notificationId(), version);
    }

    @EventHandler
    void on(DeliveryFailed event, @SequenceNumber long version) {
        String status = event.status().name().toLowerCase(Locale.ROOT);
        String reason = event.detail() == null || event.detail().isBlank() ? status : status + ": " + event.detail();
        apply(
                change(NotificationStatus.FAILED, version, event.at()).set(NOTIFICATION_VIEW.REASON, reason),
                event.notificationId(),
                version);
    }

    /** Also stamps the in-app notice itself, keeping the first time it was read. */
    @EventHandler
    void on(NotificationRead event, @SequenceNumber long version) {
        apply(change(NotificationStatus.READ, version, event.at()), event.notificationId(), version);
        writes.execute(db.update(IN_APP_NOTIFICATION)
                .set(IN_APP_NOTIFICATION.READ_AT, event.at())
                .where(IN_APP_NOTIFICATION.ID.eq(event.notificationId()), IN_APP_NOTIFICATION.READ_AT.isNull()));
    }

    @EventHandler
    void on(NotificationDeadLettered event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.DEAD_LETTERED, version, event.at())
                        .set(NOTIFICATION_VIEW.REASON, event.reason()),
                event.notificationId(),
                version);
    }

    /** A new start from the first channel (its NotificationDue follows); its attempts count from 1 again. */
    @EventHandler
    void on(NotificationRedriven event, @SequenceNumber long version) {
        apply(
                db.update(NOTIFICATION_VIEW)
                        .set(NOTIFICATION_VIEW.REDRIVES, NOTIFICATION_VIEW.REDRIVES.plus(inline(1)))
                        .setNull(NOTIFICATION_VIEW.REASON)
                        .set(NOTIFICATION_VIEW.VERSION, version)
                        .set(NOTIFICATION_VIEW.UPDATED_AT, event.at()),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(NotificationCancelled event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.CANCELLED, version, event.at()).set(NOTIFICATION_VIEW.REASON, event.reason()),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(NotificationSuppressed event, @SequenceNumber long version) {
        apply(
                change(NotificationStatus.SUPPRESSED, version, event.at())
                        .set(NOTIFICATION_VIEW.REASON, event.reason()),
                event.notificationId(),
                version);
    }

    @EventHandler
    void on(NotificationLapsed event, @SequenceNumber long version) {
        apply(change(NotificationStatus.LAPSED, version, event.at()), event.notificationId(), version);
    }

    @ResetHandler
    void reset() {
        db.truncate(NOTIFICATION_VIEW).execute();
        db.truncate(NOTIFICATION_ATTEMPT).execute();
    }

    private UpdateSetMoreStep<NotificationViewRecord> change(NotificationStatus status, long version, Instant at) {
        return db.update(NOTIFICATION_VIEW)
                .set(NOTIFICATION_VIEW.STATUS, status.name())
                .set(NOTIFICATION_VIEW.VERSION, version)
                .set(NOTIFICATION_VIEW.UPDATED_AT, at);
    }

    private void apply(UpdateSetMoreStep<NotificationViewRecord> update, UUID notificationId, long version) {
        writes.execute(update.where(current(notificationId, version)));
    }

    /** The row, unless this event (or a later one) was applied to it already. */
    private static Condition current(UUID notificationId, long version) {
        return NOTIFICATION_VIEW.NOTIFICATION_ID.eq(notificationId).and(NOTIFICATION_VIEW.VERSION.lt(version));
    }
}
