package com.clinic.notifications.persistence;

import static com.clinic.notifications.persistence.jooq.Tables.IN_APP_NOTIFICATION;
import static org.jooq.impl.DSL.row;

import com.clinic.notifications.application.port.InAppDelivery;
import com.clinic.notifications.application.port.InAppInbox;
import com.clinic.notifications.application.port.InAppNotificationView;
import com.clinic.notifications.application.port.RenderedText;
import com.clinic.notifications.persistence.jooq.tables.records.InAppNotificationRecord;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.persistence.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-app delivery of notices: one row per notice, inserted in the caller's transaction so a notice
 * exists exactly when the step that caused it committed. Every change of a user's inbox (a notice
 * stored, one read) sends {@code NOTIFY in_app_notification, '<userId>'} from the same transaction:
 * PostgreSQL delivers it when the transaction commits, to every instance listening, so each pushes
 * the news to that user's open streams; a rolled-back step tells nobody.
 */
@Repository
class JooqInAppNotifications implements InAppDelivery, InAppInbox {

    /** The channel every inbox change is announced on; the payload is the recipient's user id. */
    static final String CHANNEL = "in_app_notification";

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

    private final DSLContext db;
    private final IdGenerator ids;
    private final TransactionTemplate transaction;

    /**
     * {@code transaction} joins the caller's transaction (the dispatcher's) or, called outside one,
     * makes the change and its announcement one transaction of their own.
     */
    JooqInAppNotifications(DSLContext db, IdGenerator ids, TransactionTemplate transaction) {
        this.db = db;
        this.ids = ids;
        this.transaction = transaction;
    }

    /** A notification's id stored again (its event redelivered) finds its row and announces nothing. */
    @Override
    public void send(Notice notice) {
        transaction.executeWithoutResult(status -> store(notice));
    }

    private void store(Notice notice) {
        Optional<RenderedText> text = notice.rendered();
        int inserted = db.insertInto(IN_APP_NOTIFICATION)
                .set(IN_APP_NOTIFICATION.ID, notice.notificationId().orElseGet(ids::next))
                .set(IN_APP_NOTIFICATION.RECIPIENT_USER_ID, notice.recipientUserId())
                .set(IN_APP_NOTIFICATION.TEMPLATE, notice.template())
                .set(IN_APP_NOTIFICATION.PARAMETERS, JSON.json(JSON_MAPPER.writeValueAsString(notice.parameters())))
                .set(
                        IN_APP_NOTIFICATION.TITLE,
                        text.flatMap(RenderedText::title).orElse(null))
                .set(IN_APP_NOTIFICATION.BODY, text.map(RenderedText::body).orElse(null))
                .set(
                        IN_APP_NOTIFICATION.LANGUAGE,
                        text.map(RenderedText::language).orElse(null))
                .set(IN_APP_NOTIFICATION.CREATED_AT, notice.at())
                .onConflict(IN_APP_NOTIFICATION.ID)
                .doNothing()
                .execute();
        if (inserted == 1) {
            announce(notice.recipientUserId());
        }
    }

    @Override
    public Page<InAppNotificationView> list(UUID recipientUserId, boolean unreadOnly, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(IN_APP_NOTIFICATION.RECIPIENT_USER_ID.eq(recipientUserId));
        if (unreadOnly) {
            conditions.add(IN_APP_NOTIFICATION.READ_AT.isNull());
        }
        page.after()
                .map(Cursor::decode)
                .ifPresent(after -> conditions.add(row(IN_APP_NOTIFICATION.CREATED_AT, IN_APP_NOTIFICATION.ID)
                        .lt(after.at(), after.id())));
        List<InAppNotificationRecord> rows = db.selectFrom(IN_APP_NOTIFICATION)
                .where(DSL.and(conditions))
                .orderBy(IN_APP_NOTIFICATION.CREATED_AT.desc(), IN_APP_NOTIFICATION.ID.desc())
                .limit(page.limit() + 1)
                .fetch();
        boolean more = rows.size() > page.limit();
        List<InAppNotificationRecord> shown = more ? rows.subList(0, page.limit()) : rows;
        Optional<String> next = more
                ? Optional.of(new Cursor(
                                shown.getLast().getCreatedAt(), shown.getLast().getId())
                        .encode())
                : Optional.empty();
        return new Page<>(shown.stream().map(JooqInAppNotifications::view).toList(), next);
    }

    @Override
    public long unreadCount(UUID recipientUserId) {
        return db.fetchCount(
                IN_APP_NOTIFICATION,
                IN_APP_NOTIFICATION.RECIPIENT_USER_ID.eq(recipientUserId),
                IN_APP_NOTIFICATION.READ_AT.isNull());
    }

    @Override
    public boolean markRead(UUID notificationId, UUID recipientUserId, Instant at) {
        return Boolean.TRUE.equals(transaction.execute(status -> read(notificationId, recipientUserId, at)));
    }

    private boolean read(UUID notificationId, UUID recipientUserId, Instant at) {
        Condition own = IN_APP_NOTIFICATION
                .ID
                .eq(notificationId)
                .and(IN_APP_NOTIFICATION.RECIPIENT_USER_ID.eq(recipientUserId));
        int firstRead = db.update(IN_APP_NOTIFICATION)
                .set(IN_APP_NOTIFICATION.READ_AT, at)
                .where(own, IN_APP_NOTIFICATION.READ_AT.isNull())
                .execute();
        if (firstRead == 1) {
            announce(recipientUserId);
            return true;
        }
        return db.fetchExists(IN_APP_NOTIFICATION, own);
    }

    /** Delivered by PostgreSQL when the transaction commits, and not at all if it rolls back. */
    private void announce(UUID recipientUserId) {
        db.execute("select pg_notify(?, ?)", CHANNEL, recipientUserId.toString());
    }

    private static InAppNotificationView view(InAppNotificationRecord row) {
        Optional<RenderedText> rendered = Optional.ofNullable(row.getBody())
                .map(body -> new RenderedText(Optional.ofNullable(row.getTitle()), body, row.getLanguage()));
        return new InAppNotificationView(
                row.getId(),
                row.getTemplate(),
                JSON_MAPPER.readValue(row.getParameters().data(), PARAMETERS),
                rendered,
                row.getCreatedAt(),
                Optional.ofNullable(row.getReadAt()));
    }
}
