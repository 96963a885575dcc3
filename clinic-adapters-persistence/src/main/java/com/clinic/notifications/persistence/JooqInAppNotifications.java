package com.clinic.notifications.persistence;

import static com.clinic.notifications.persistence.jooq.Tables.IN_APP_NOTIFICATION;
import static org.jooq.impl.DSL.row;

import com.clinic.notifications.application.port.InAppDelivery;
import com.clinic.notifications.application.port.InAppInbox;
import com.clinic.notifications.application.port.InAppNotificationView;
import com.clinic.notifications.persistence.jooq.tables.records.InAppNotificationRecord;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-app delivery of notices: one row per notice, inserted in the caller's transaction so
 * a notice exists exactly when the step that caused it committed.
 */
@Repository
class JooqInAppNotifications implements InAppDelivery, InAppInbox {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

    private final DSLContext db;
    private final IdGenerator ids;

    JooqInAppNotifications(DSLContext db, IdGenerator ids) {
        this.db = db;
        this.ids = ids;
    }

    @Override
    public void send(Notice notice) {
        db.insertInto(IN_APP_NOTIFICATION)
                .set(IN_APP_NOTIFICATION.ID, ids.next())
                .set(IN_APP_NOTIFICATION.RECIPIENT_USER_ID, notice.recipientUserId())
                .set(IN_APP_NOTIFICATION.TEMPLATE, notice.template())
                .set(IN_APP_NOTIFICATION.PARAMETERS, JSON.json(JSON_MAPPER.writeValueAsString(notice.parameters())))
                .set(IN_APP_NOTIFICATION.CREATED_AT, notice.at())
                .execute();
    }

    @Override
    public Page<InAppNotificationView> list(UUID recipientUserId, boolean unreadOnly, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(IN_APP_NOTIFICATION.RECIPIENT_USER_ID.eq(recipientUserId));
        if (unreadOnly) {
            conditions.add(IN_APP_NOTIFICATION.READ_AT.isNull());
        }
        page.after()
                .map(JooqInAppNotifications::decode)
                .ifPresent(after -> conditions.add(row(IN_APP_NOTIFICATION.CREATED_AT, IN_APP_NOTIFICATION.ID)
                        .lt(after.createdAt(), after.id())));
        List<InAppNotificationRecord> rows = db.selectFrom(IN_APP_NOTIFICATION)
                .where(DSL.and(conditions))
                .orderBy(IN_APP_NOTIFICATION.CREATED_AT.desc(), IN_APP_NOTIFICATION.ID.desc())
                .limit(page.limit() + 1)
                .fetch();
        boolean more = rows.size() > page.limit();
        List<InAppNotificationRecord> shown = more ? rows.subList(0, page.limit()) : rows;
        Optional<String> next = more ? Optional.of(encode(shown.getLast())) : Optional.empty();
        return new Page<>(shown.stream().map(JooqInAppNotifications::view).toList(), next);
    }

    @Override
    public boolean markRead(UUID notificationId, UUID recipientUserId, Instant at) {
        int updated = db.update(IN_APP_NOTIFICATION)
                .set(IN_APP_NOTIFICATION.READ_AT, DSL.coalesce(IN_APP_NOTIFICATION.READ_AT, DSL.val(at)))
                .where(
                        IN_APP_NOTIFICATION.ID.eq(notificationId),
                        IN_APP_NOTIFICATION.RECIPIENT_USER_ID.eq(recipientUserId))
                .execute();
        return updated == 1;
    }

    private static InAppNotificationView view(InAppNotificationRecord row) {
        return new InAppNotificationView(
                row.getId(),
                row.getTemplate(),
                JSON_MAPPER.readValue(row.getParameters().data(), PARAMETERS),
                row.getCreatedAt(),
                Optional.ofNullable(row.getReadAt()));
    }

    private record Position(Instant createdAt, UUID id) {}

    private static String encode(InAppNotificationRecord row) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, row.getCreatedAt());
        String raw = micros + "|" + row.getId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("cursor has " + parts.length + " parts");
            }
            Instant created = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return new Position(created, UUID.fromString(parts[1]));
        } catch (IllegalArgumentException malformed) {
            throw new Rejection.RuleViolated("page.cursor-invalid");
        }
    }
}
