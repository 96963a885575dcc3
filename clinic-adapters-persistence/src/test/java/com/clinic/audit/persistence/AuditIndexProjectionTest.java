package com.clinic.audit.persistence;

import static com.clinic.audit.persistence.jooq.Tables.AUDIT_EVENT_INDEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.audit.persistence.jooq.tables.records.AuditEventIndexRecord;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.identity.domain.UserAccountEvent.AccountDisabled;
import com.clinic.identity.domain.UserAccountEvent.PatientAccountRegistered;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.ProjectionWrites;
import com.clinic.platform.persistence.StoredEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(PostgresTestDatabase.class)
class AuditIndexProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final DSLContext db;
    private final StoredEvents store;
    private final AuditIndexProjection projection;
    private final UUID user = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();

    AuditIndexProjectionTest(
            DSLContext db, DataSource dataSource, PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.db = db;
        this.store = new StoredEvents(dataSource, transactions);
        this.projection = new AuditIndexProjection(db, writes);
    }

    @Test
    void anEventIsIndexedWithItsAggregateTypeAliasEventTypeUserAndTime() {
        store.append(
                "UserAccountAggregate",
                account.toString(),
                0,
                new PatientAccountRegistered(account, "ar", T0),
                Map.of(MetadataKeys.USER_ID, user.toString()),
                T0);
        TrackedEventMessage<?> event = store.all().getFirst();

        projection.on(event, event.trackingToken());

        AuditEventIndexRecord row = db.fetchSingle(AUDIT_EVENT_INDEX);
        assertThat(row.getEventId()).isEqualTo(event.getIdentifier());
        assertThat(row.getAggregateType()).isEqualTo("UserAccountAggregate");
        assertThat(row.getAggregateAlias()).isEqualTo("user-account");
        assertThat(row.getAggregateId()).isEqualTo(account.toString());
        assertThat(row.getSequenceNumber()).isZero();
        assertThat(row.getPayloadType()).isEqualTo(PatientAccountRegistered.class.getName());
        assertThat(row.getEventType()).isEqualTo("PatientAccountRegistered");
        assertThat(row.getUserId()).isEqualTo(user);
        assertThat(row.getOccurredAt()).isEqualTo(T0);
        assertThat(row.getGlobalIndex())
                .isEqualTo(event.trackingToken().position().orElseThrow());
    }

    @Test
    void aRedeliveredEventIsIndexedOnce() {
        appendHistory();
        List<TrackedEventMessage<?>> events = store.all();

        events.forEach(event -> projection.on(event, event.trackingToken()));
        events.forEach(event -> projection.on(event, event.trackingToken()));

        assertThat(db.fetchCount(AUDIT_EVENT_INDEX)).isEqualTo(events.size());
    }

    @Test
    void aUserIdThatIsNotACanonicalUuidIsNotIndexed() {
        store.append(
                "UserAccountAggregate",
                account.toString(),
                0,
                new PatientAccountRegistered(account, "ar", T0),
                Map.of(MetadataKeys.USER_ID, "system"),
                T0);
        store.append(
                "UserAccountAggregate",
                account.toString(),
                1,
                new AccountDisabled(account, T0),
                Map.of(MetadataKeys.USER_ID, "{" + user + "}"),
                T0);

        store.all().forEach(event -> projection.on(event, event.trackingToken()));

        assertThat(db.select(AUDIT_EVENT_INDEX.USER_ID).from(AUDIT_EVENT_INDEX).fetch(AUDIT_EVENT_INDEX.USER_ID))
                .containsExactly(null, null);
    }

    @Test
    void theResetRebuildsFromTheEventTableExactlyTheRowsTheHandlerWrites() {
        appendHistory();
        store.all().forEach(event -> projection.on(event, event.trackingToken()));
        List<AuditEventIndexRecord> handled = index();

        projection.reset();

        assertThat(index()).isEqualTo(handled).hasSize(5);
    }

    @Test
    void afterACommittedRebuildTheReplayedEventsItCoveredAreSkippedAndNewOnesIndexed() {
        appendHistory();
        projection.reset();
        List<TrackedEventMessage<?>> replayed = store.all();
        TrackedEventMessage<?> covered = replayed.getFirst();
        db.deleteFrom(AUDIT_EVENT_INDEX)
                .where(AUDIT_EVENT_INDEX.GLOBAL_INDEX.eq(
                        covered.trackingToken().position().orElseThrow()))
                .execute();

        projection.on(covered, covered.trackingToken());
        assertThat(db.fetchCount(AUDIT_EVENT_INDEX))
                .as("the covered event was skipped")
                .isEqualTo(4);

        store.append(
                "ClinicAggregate", UUID.randomUUID().toString(), 0, clinicCreated(), Map.of(), T0.plusSeconds(100));
        TrackedEventMessage<?> later = store.all().getLast();
        projection.on(later, later.trackingToken());
        assertThat(db.fetchCount(AUDIT_EVENT_INDEX)).isEqualTo(5);
    }

    @Test
    void aRolledBackRebuildSkipsNothingAndLeavesTheIndexAsItWas(TransactionTemplate transactions) {
        appendHistory();
        List<TrackedEventMessage<?>> events = store.all();
        events.forEach(event -> projection.on(event, event.trackingToken()));
        List<AuditEventIndexRecord> before = index();

        transactions.executeWithoutResult(status -> {
            projection.reset();
            status.setRollbackOnly();
        });

        assertThat(index()).isEqualTo(before);
        TrackedEventMessage<?> first = events.getFirst();
        db.deleteFrom(AUDIT_EVENT_INDEX)
                .where(AUDIT_EVENT_INDEX.GLOBAL_INDEX.eq(
                        first.trackingToken().position().orElseThrow()))
                .execute();
        projection.on(first, first.trackingToken());
        assertThat(index()).isEqualTo(before);
    }

    /** Two aggregates' streams interleaved, users of every kind, and one event of no aggregate. */
    private void appendHistory() {
        UUID clinic = UUID.randomUUID();
        store.append(
                "UserAccountAggregate",
                account.toString(),
                0,
                new PatientAccountRegistered(account, "ar", T0),
                Map.of(MetadataKeys.USER_ID, user.toString(), MetadataKeys.CORRELATION_ID, "c-1"),
                T0);
        store.append("ClinicAggregate", clinic.toString(), 0, clinicCreated(), Map.of(), T0.plusMillis(1));
        store.append(
                "UserAccountAggregate",
                account.toString(),
                1,
                new AccountDisabled(account, T0.plusSeconds(2)),
                Map.of(MetadataKeys.USER_ID, "system"),
                T0.plusSeconds(2));
        store.appendLoose(new AccountDisabled(account, T0), Map.of(MetadataKeys.USER_ID, user.toString()), T0);
        store.append(
                "UserAccountAggregate",
                account.toString(),
                2,
                new AccountDisabled(account, T0.plusSeconds(3)),
                Map.of(MetadataKeys.USER_ID, user.toString().toUpperCase(java.util.Locale.ROOT)),
                T0.plusSeconds(3));
    }

    private static ClinicCreated clinicCreated() {
        return new ClinicCreated(
                UUID.randomUUID(),
                new com.clinic.directory.domain.SiteProfile(
                        new com.clinic.directory.domain.BilingualText("عيادة", "Clinic"),
                        "Address",
                        "+966110000000",
                        "Asia/Riyadh",
                        "SAR",
                        java.util.Set.of(java.time.DayOfWeek.SUNDAY)));
    }

    private List<AuditEventIndexRecord> index() {
        return db.selectFrom(AUDIT_EVENT_INDEX)
                .orderBy(AUDIT_EVENT_INDEX.GLOBAL_INDEX)
                .fetch();
    }
}
