package com.clinic.audit.persistence;

import static com.clinic.platform.persistence.jooq.Tables.DOMAINEVENTENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.audit.application.AuditEvent;
import com.clinic.audit.application.AuditEventFilter;
import com.clinic.audit.application.AuditMetadata;
import com.clinic.identity.domain.UserAccountEvent.AccountActivated;
import com.clinic.identity.domain.UserAccountEvent.AccountDisabled;
import com.clinic.identity.domain.UserAccountEvent.PatientAccountRegistered;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.ProjectionWrites;
import com.clinic.platform.persistence.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(PostgresTestDatabase.class)
class JooqAuditTrailTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final DSLContext db;
    private final StoredEvents store;
    private final AuditIndexProjection index;
    private final JsonMapper json = JsonMapper.builder().build();
    private final JooqAuditTrail trail;
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    JooqAuditTrailTest(
            DSLContext db, DataSource dataSource, PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.db = db;
        this.store = new StoredEvents(dataSource, transactions);
        this.index = new AuditIndexProjection(db, writes);
        this.trail = new JooqAuditTrail(db, json);
    }

    @Test
    void anAggregatesEventsComeInSequenceOrderWithTheirMetadataAndPayloadAsJson() {
        store.append(
                "UserAccountAggregate",
                account.toString(),
                0,
                new PatientAccountRegistered(account, "ar", T0),
                Map.of(
                        MetadataKeys.USER_ID, alice.toString(),
                        MetadataKeys.USER_ROLE, "ADMIN",
                        MetadataKeys.CORRELATION_ID, "corr-1",
                        MetadataKeys.REQUEST_ID, "req-1",
                        MetadataKeys.CLIENT_ADDRESS, "203.0.113.9"),
                T0);
        store.append(
                "UserAccountAggregate",
                other.toString(),
                0,
                new PatientAccountRegistered(other, "en", T0),
                Map.of(),
                T0);
        store.append(
                "UserAccountAggregate",
                account.toString(),
                1,
                new AccountActivated(account, T0),
                Map.of(),
                T0.plusSeconds(1));

        List<AuditEvent> events = trail.eventsOf(account.toString());

        assertThat(events).extracting(AuditEvent::sequenceNumber).containsExactly(0L, 1L);
        AuditEvent first = events.getFirst();
        assertThat(first.eventType()).isEqualTo("PatientAccountRegistered");
        assertThat(first.payloadType()).isEqualTo(PatientAccountRegistered.class.getName());
        assertThat(first.aggregateType()).contains("UserAccountAggregate");
        assertThat(first.aggregateAlias()).contains("user-account");
        assertThat(first.timestamp()).isEqualTo(T0);
        assertThat(first.metadata())
                .isEqualTo(new AuditMetadata(
                        Optional.of(alice.toString()),
                        Optional.of("ADMIN"),
                        Optional.of("corr-1"),
                        Optional.of("req-1"),
                        Optional.of("203.0.113.9"),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(json.readTree(first.payloadJson()).path("preferredLanguage").asString())
                .isEqualTo("ar");
        assertThat(events.get(1).metadata()).isEqualTo(AuditMetadata.none());
        assertThat(trail.eventsOf(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void searchFiltersByAggregateEventTypeUserAndHalfOpenTimeRange() {
        history();

        assertThat(search(new AuditEventFilter(
                        Optional.of("user-account"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .hasSize(4);
        assertThat(search(new AuditEventFilter(
                        Optional.of("UserAccountAggregate"),
                        Optional.of("AccountDisabled"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .extracting(AuditEvent::aggregateId)
                .containsExactly(account.toString(), other.toString());
        assertThat(search(new AuditEventFilter(
                        Optional.empty(),
                        Optional.of(AccountDisabled.class.getName()),
                        Optional.of(bob),
                        Optional.empty(),
                        Optional.empty())))
                .extracting(AuditEvent::aggregateId)
                .containsExactly(other.toString());
        assertThat(search(new AuditEventFilter(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(T0.plusSeconds(1)),
                        Optional.of(T0.plusSeconds(3)))))
                .extracting(AuditEvent::timestamp)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(search(new AuditEventFilter(
                        Optional.of("clinic"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .isEmpty();
    }

    @Test
    void searchPagesByGlobalIndex() {
        history();

        List<AuditEvent> first = trail.search(AuditEventFilter.everything(), 0, 3);
        List<AuditEvent> rest =
                trail.search(AuditEventFilter.everything(), first.getLast().globalIndex(), 3);

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(1);
        assertThat(rest.getFirst().globalIndex()).isGreaterThan(first.getLast().globalIndex());
        assertThat(first).extracting(AuditEvent::globalIndex).isSorted();
    }

    @Test
    void storedBytesThatAreNotJsonAreShownAsTextInsteadOfFailingTheAnswer() {
        db.insertInto(DOMAINEVENTENTRY)
                .set(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER, "legacy-1")
                .set(DOMAINEVENTENTRY.SEQUENCENUMBER, 0L)
                .set(DOMAINEVENTENTRY.TYPE, "LegacyAggregate")
                .set(DOMAINEVENTENTRY.EVENTIDENTIFIER, UUID.randomUUID().toString())
                .set(DOMAINEVENTENTRY.METADATA, "<xml/>".getBytes(StandardCharsets.UTF_8))
                .set(DOMAINEVENTENTRY.PAYLOAD, "not json at all".getBytes(StandardCharsets.UTF_8))
                .set(DOMAINEVENTENTRY.PAYLOADTYPE, "com.example.legacy.Removed$Event")
                .set(DOMAINEVENTENTRY.TIMESTAMP, T0)
                .execute();

        AuditEvent legacy = trail.eventsOf("legacy-1").getFirst();

        assertThat(legacy.payloadJson()).isEqualTo("\"not json at all\"");
        assertThat(legacy.metadata()).isEqualTo(AuditMetadata.none());
        assertThat(legacy.eventType()).isEqualTo("Event");
        assertThat(legacy.aggregateAlias()).contains("legacy");
    }

    private void history() {
        store.append(
                "UserAccountAggregate",
                account.toString(),
                0,
                new PatientAccountRegistered(account, "ar", T0),
                Map.of(MetadataKeys.USER_ID, alice.toString()),
                T0);
        store.append(
                "UserAccountAggregate",
                other.toString(),
                0,
                new PatientAccountRegistered(other, "en", T0),
                Map.of(MetadataKeys.USER_ID, bob.toString()),
                T0.plusSeconds(1));
        store.append(
                "UserAccountAggregate",
                account.toString(),
                1,
                new AccountDisabled(account, T0),
                Map.of(MetadataKeys.USER_ID, alice.toString()),
                T0.plusSeconds(2));
        store.append(
                "UserAccountAggregate",
                other.toString(),
                1,
                new AccountDisabled(other, T0),
                Map.of(MetadataKeys.USER_ID, bob.toString()),
                T0.plusSeconds(3));
        store.all().forEach(event -> index.on(event, event.trackingToken()));
    }

    private List<AuditEvent> search(AuditEventFilter filter) {
        return trail.search(filter, 0, 100);
    }
}
