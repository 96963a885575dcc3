package com.clinic.notifications.persistence;

import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_ATTEMPT;
import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_VIEW;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import com.clinic.notifications.application.port.NotificationReadModel;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.NotificationStatus;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.persistence.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Notifications as staff and patients read them, from the history projection's tables. A summary
 * carries its attempts in the same statement (a MULTISET), so a page of them is one query.
 */
@Repository
class JooqNotificationReadModel implements NotificationReadModel {

    private static final String DEAD_LETTERED = NotificationStatus.DEAD_LETTERED.name();

    private final DSLContext db;

    JooqNotificationReadModel(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<NotificationSummary> find(UUID notificationId) {
        return db.select(summary())
                .from(NOTIFICATION_VIEW)
                .where(NOTIFICATION_VIEW.NOTIFICATION_ID.eq(notificationId))
                .fetchOptional(Record1::value1);
    }

    @Override
    public Page<NotificationSummary> ofPatient(UUID patientId, PageRequest page) {
        var v = NOTIFICATION_VIEW;
        List<Condition> conditions = new ArrayList<>(List.of(v.PATIENT_ID.eq(patientId)));
        page.after()
                .map(Cursor::decode)
                .ifPresent(after ->
                        conditions.add(row(v.REQUESTED_AT, v.NOTIFICATION_ID).lt(after.at(), after.id())));
        return page(
                conditions,
                page,
                List.of(v.REQUESTED_AT.desc(), v.NOTIFICATION_ID.desc()),
                NotificationSummary::requestedAt);
    }

    @Override
    public Page<NotificationSummary> deadLettered(Optional<UUID> clinicId, PageRequest page) {
        var v = NOTIFICATION_VIEW;
        List<Condition> conditions = new ArrayList<>(List.of(v.STATUS.eq(DEAD_LETTERED)));
        clinicId.ifPresent(clinic -> conditions.add(v.CLINIC_ID.eq(clinic)));
        page.after()
                .map(Cursor::decode)
                .ifPresent(after ->
                        conditions.add(row(v.UPDATED_AT, v.NOTIFICATION_ID).gt(after.at(), after.id())));
        return page(
                conditions, page, List.of(v.UPDATED_AT.asc(), v.NOTIFICATION_ID.asc()), NotificationSummary::updatedAt);
    }

    @Override
    public List<StateCount> counts(Optional<UUID> clinicId, Instant from, Instant to) {
        var v = NOTIFICATION_VIEW;
        List<Condition> conditions = new ArrayList<>(List.of(v.REQUESTED_AT.ge(from), v.REQUESTED_AT.lt(to)));
        clinicId.ifPresent(clinic -> conditions.add(v.CLINIC_ID.eq(clinic)));
        return db.select(v.STATUS, v.CHANNEL, count())
                .from(v)
                .where(DSL.and(conditions))
                .groupBy(v.STATUS, v.CHANNEL)
                .orderBy(v.STATUS, v.CHANNEL.nullsFirst())
                .fetch(Records.mapping((status, channel, count) ->
                        new StateCount(NotificationStatus.valueOf(status), channel(channel), count)));
    }

    @Override
    public Optional<UUID> byProviderMessage(String provider, String providerMessageId) {
        return db.select(NOTIFICATION_ATTEMPT.NOTIFICATION_ID)
                .from(NOTIFICATION_ATTEMPT)
                .where(
                        NOTIFICATION_ATTEMPT.PROVIDER.eq(provider),
                        NOTIFICATION_ATTEMPT.PROVIDER_MESSAGE_ID.eq(providerMessageId))
                .orderBy(NOTIFICATION_ATTEMPT.AT.desc())
                .limit(1)
                .fetchOptional(NOTIFICATION_ATTEMPT.NOTIFICATION_ID);
    }

    private Page<NotificationSummary> page(
            List<Condition> conditions,
            PageRequest page,
            List<SortField<?>> order,
            Function<NotificationSummary, Instant> position) {
        List<NotificationSummary> rows = db.select(summary())
                .from(NOTIFICATION_VIEW)
                .where(DSL.and(conditions))
                .orderBy(order)
                .limit(page.limit() + 1)
                .fetch(Record1::value1);
        boolean more = rows.size() > page.limit();
        List<NotificationSummary> shown = more ? rows.subList(0, page.limit()) : rows;
        Optional<String> next = more
                ? Optional.of(new Cursor(
                                position.apply(shown.getLast()), shown.getLast().notificationId())
                        .encode())
                : Optional.empty();
        return new Page<>(shown, next);
    }

    /** A notification row with its attempts, in the order they were made. */
    private static SelectField<NotificationSummary> summary() {
        var v = NOTIFICATION_VIEW;
        var a = NOTIFICATION_ATTEMPT;
        Field<List<AttemptView>> attempts = multiset(select(
                                a.CHANNEL,
                                a.ATTEMPT,
                                a.PROVIDER,
                                a.OUTCOME,
                                a.PROVIDER_MESSAGE_ID,
                                a.ANSWER,
                                a.LATENCY_MS,
                                a.AT)
                        .from(a)
                        .where(a.NOTIFICATION_ID.eq(v.NOTIFICATION_ID))
                        .orderBy(a.AT, a.REDRIVE, a.ATTEMPT))
                .convertFrom(rows -> rows.map(Records.mapping(
                        (channel, attempt, provider, outcome, messageId, answer, latency, at) -> new AttemptView(
                                Channel.valueOf(channel),
                                attempt,
                                provider,
                                outcome,
                                Optional.ofNullable(messageId),
                                answer,
                                latency,
                                at))));
        return row(
                        v.NOTIFICATION_ID,
                        v.TEMPLATE,
                        v.CATEGORY,
                        v.RECIPIENT_USER_ID,
                        v.PATIENT_ID,
                        v.CLINIC_ID,
                        v.ABOUT,
                        v.STATUS,
                        v.CHANNEL,
                        v.REQUESTED_AT,
                        v.DUE_AT,
                        v.REASON,
                        v.UPDATED_AT,
                        attempts)
                .mapping(
                        (id,
                                template,
                                category,
                                user,
                                patient,
                                clinic,
                                about,
                                status,
                                channel,
                                requested,
                                due,
                                reason,
                                updated,
                                tried) -> new NotificationSummary(
                                id,
                                template,
                                Category.valueOf(category),
                                Optional.ofNullable(user),
                                Optional.ofNullable(patient),
                                Optional.ofNullable(clinic),
                                Optional.ofNullable(about),
                                NotificationStatus.valueOf(status),
                                channel(channel),
                                requested,
                                due,
                                Optional.ofNullable(reason),
                                updated,
                                tried));
    }

    private static Optional<Channel> channel(String stored) {
        return Optional.ofNullable(stored).map(Channel::valueOf);
    }
}
