package com.clinic.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clinic.audit.application.AggregateHistory;
import com.clinic.audit.application.AuditEvent;
import com.clinic.audit.application.AuditEventFilter;
import com.clinic.audit.application.AuditQueries;
import com.clinic.audit.application.port.AuditTrail;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.context.RequestContext;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit port and its jOOQ adapter against the real event store: events are appended through the
 * command gateway (with request metadata, as over HTTP) or published to the event store directly
 * (to control timestamps), and read back through {@link AuditQueries} and {@link AuditTrail}.
 * Every test uses its own users and aggregate ids, because the database is shared by the run.
 */
@IntegrationTest
class AuditTrailTest {

    private static final Actor AUDITOR = new Actor(UUID.randomUUID(), Role.AUDITOR, Optional.empty(), Optional.empty());

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(10);

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    AuditQueries queries;

    @Autowired
    AuditTrail trail;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAggregatesHistoryListsEveryEventInSequenceWithWhoCausedIt() {
        UUID user = UUID.randomUUID();
        String probe = UUID.randomUUID().toString();

        as(user, Role.RECEPTIONIST, "req-history-1", () -> {
            commands.sendAndWait(new AuditProbeAggregate.Open(probe, "first"));
            commands.sendAndWait(new AuditProbeAggregate.Amend(probe, "second"));
        });

        AggregateHistory history = queries.history(AUDITOR, "audit-probe", probe);

        assertThat(history.aggregateType()).isEqualTo("AuditProbeAggregate");
        assertThat(history.aggregateAlias()).isEqualTo("audit-probe");
        assertThat(history.version()).isEqualTo(1);
        assertThat(history.events()).extracting(AuditEvent::sequenceNumber).containsExactly(0L, 1L);
        assertThat(history.events()).extracting(AuditEvent::eventType).containsExactly("Opened", "Amended");
        assertThat(history.events().getFirst().payloadType()).isEqualTo(AuditProbeAggregate.Opened.class.getName());
        assertThat(history.events().get(0).globalIndex())
                .isLessThan(history.events().get(1).globalIndex());
        assertThat(history.events().get(1).payloadJson()).contains("\"note\":\"second\"");
        AuditEvent first = history.events().getFirst();
        assertThat(first.aggregateId()).isEqualTo(probe);
        assertThat(first.metadata().userId()).contains(user.toString());
        assertThat(first.metadata().role()).contains("RECEPTIONIST");
        assertThat(first.metadata().requestId()).contains("req-history-1");
        assertThat(first.metadata().correlationId()).contains("corr-req-history-1");
        assertThat(first.metadata().clientAddress()).contains("203.0.113.7");
        assertThat(first.metadata().traceId()).isPresent();
        assertThat(first.metadata().causationId()).isPresent();
        assertThat(first.timestamp()).isBefore(Instant.now().plusSeconds(1));

        assertThat(queries.history(AUDITOR, "AuditProbeAggregate", probe).events())
                .hasSize(2);
    }

    @Test
    void anUnknownAggregateOrOneOfAnotherTypeIsNotFound() {
        String probe = UUID.randomUUID().toString();
        commands.sendAndWait(new AuditProbeAggregate.Open(probe, "x"));

        assertThatThrownBy(() -> queries.history(
                        AUDITOR, "audit-probe", UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(
                        Rejection.NotFound.class, r -> assertThat(r.code()).isEqualTo("audit.aggregate-not-found"));
        assertThatThrownBy(() -> queries.history(AUDITOR, "patient", probe)).isInstanceOf(Rejection.NotFound.class);
        assertThatThrownBy(() -> queries.history(AUDITOR, "AuditProbe", probe)).isInstanceOf(Rejection.NotFound.class);
    }

    @Test
    void theGlobalStreamFiltersByActingUserAggregateTypeAndEventType() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String aliceProbe = UUID.randomUUID().toString();
        String bobProbe = UUID.randomUUID().toString();
        as(alice, Role.DOCTOR, "req-alice", () -> {
            commands.sendAndWait(new AuditProbeAggregate.Open(aliceProbe, "a1"));
            commands.sendAndWait(new AuditProbeAggregate.Amend(aliceProbe, "a2"));
        });
        as(bob, Role.MANAGER, "req-bob", () -> commands.sendAndWait(new AuditProbeAggregate.Open(bobProbe, "b1")));

        AuditEventFilter byAlice = filter(null, null, alice);
        await().atMost(PROJECTION_LAG)
                .untilAsserted(() -> assertThat(trail.search(byAlice, 0, 10)).hasSize(2));

        assertThat(trail.search(byAlice, 0, 10))
                .allSatisfy(event -> assertThat(event.aggregateId()).isEqualTo(aliceProbe))
                .extracting(AuditEvent::eventType)
                .containsExactly("Opened", "Amended");
        assertThat(trail.search(filter(null, "Amended", alice), 0, 10))
                .extracting(AuditEvent::sequenceNumber)
                .containsExactly(1L);
        assertThat(trail.search(filter(null, AuditProbeAggregate.Amended.class.getName(), alice), 0, 10))
                .hasSize(1);
        assertThat(trail.search(filter(null, "com.elsewhere.Amended", alice), 0, 10))
                .isEmpty();
        assertThat(trail.search(filter("audit-probe", "Opened", bob), 0, 10))
                .extracting(AuditEvent::aggregateId)
                .containsExactly(bobProbe);
        assertThat(trail.search(filter("AuditProbeAggregate", null, bob), 0, 10))
                .hasSize(1);
        assertThat(trail.search(filter("patient", null, bob), 0, 10)).isEmpty();
        assertThat(trail.search(filter("AuditProbe", null, bob), 0, 10)).isEmpty();
    }

    @Test
    void theGlobalStreamFiltersByTimeRangeFromInclusiveToExclusive() {
        String type = "TimeTravelAggregate";
        String traveller = UUID.randomUUID().toString();
        UUID user = UUID.randomUUID();
        Instant t0 = Instant.parse("2001-02-03T04:05:06.123Z");
        for (int i = 0; i < 4; i++) {
            publish(new GenericDomainEventMessage<>(
                    type,
                    traveller,
                    i,
                    new Travelled(traveller, i),
                    Map.of("userId", user.toString()),
                    UUID.randomUUID().toString(),
                    t0.plus(Duration.ofHours(i))));
        }
        AuditEventFilter all = filter("time-travel", null, user);
        await().atMost(PROJECTION_LAG)
                .untilAsserted(() -> assertThat(trail.search(all, 0, 10)).hasSize(4));

        AuditEventFilter middle = new AuditEventFilter(
                Optional.of("time-travel"),
                Optional.empty(),
                Optional.of(user),
                Optional.of(t0.plus(Duration.ofHours(1))),
                Optional.of(t0.plus(Duration.ofHours(3))));
        assertThat(trail.search(middle, 0, 10))
                .extracting(AuditEvent::sequenceNumber)
                .containsExactly(1L, 2L);
        assertThat(trail.search(middle, 0, 10).getFirst().timestamp()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(queries.history(AUDITOR, "time-travel", traveller).events()).hasSize(4);
    }

    @Test
    void pagesFollowTheGlobalIndexWithoutGapsOrRepeats() {
        UUID user = UUID.randomUUID();
        String probe = UUID.randomUUID().toString();
        as(user, Role.ADMIN, "req-pages", () -> {
            commands.sendAndWait(new AuditProbeAggregate.Open(probe, "0"));
            for (int i = 1; i < 5; i++) {
                commands.sendAndWait(new AuditProbeAggregate.Amend(probe, Integer.toString(i)));
            }
        });
        AuditEventFilter byUser = filter(null, null, user);
        await().atMost(PROJECTION_LAG)
                .untilAsserted(() -> assertThat(trail.search(byUser, 0, 10)).hasSize(5));

        List<AuditEvent> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AuditEvent> page = queries.events(AUDITOR, byUser, new PageRequest(2, cursor));
            seen.addAll(page.items());
            pageSizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).extracting(AuditEvent::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(seen).extracting(AuditEvent::globalIndex).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void eventsNotPublishedByAnAggregateAreListedWithoutAggregateType() {
        UUID user = UUID.randomUUID();
        publish(new GenericEventMessage<>(new Travelled("nowhere", 0), Map.of("userId", user.toString())));

        await().atMost(PROJECTION_LAG)
                .untilAsserted(() -> assertThat(trail.search(filter(null, "Travelled", user), 0, 10))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(event.aggregateType()).isEmpty();
                            assertThat(event.aggregateAlias()).isEmpty();
                            assertThat(event.payloadJson()).contains("\"step\":0");
                        }));
    }

    @Test
    void aNonUuidUserIdStaysInTheMetadataButIsNotIndexed() {
        String traveller = UUID.randomUUID().toString();
        publish(new GenericDomainEventMessage<>(
                "TimeTravelAggregate", traveller, 0, new Travelled(traveller, 0), Map.of("userId", "system")));

        assertThat(queries.history(AUDITOR, "time-travel", traveller)
                        .events()
                        .getFirst()
                        .metadata()
                        .userId())
                .contains("system");
        await().atMost(PROJECTION_LAG)
                .untilAsserted(() -> assertThat(indexedUserOf(traveller)).isEqualTo(List.of("<null>")));

        StreamingEventProcessor processor = processing
                .eventProcessor("audit-index", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(indexedUserOf(traveller))
                    .as("the set-based rebuild applies the same rule")
                    .isEqualTo(List.of("<null>"));
        } finally {
            processor.start();
        }
    }

    @Test
    void theIndexIsRebuiltWhenTheProjectionIsReplayed() {
        UUID user = UUID.randomUUID();
        String probe = UUID.randomUUID().toString();
        as(user, Role.AUDITOR, "req-replay", () -> commands.sendAndWait(new AuditProbeAggregate.Open(probe, "r")));
        AuditEventFilter byUser = filter(null, null, user);
        await().atMost(PROJECTION_LAG)
                .untilAsserted(() -> assertThat(trail.search(byUser, 0, 10)).hasSize(1));

        StreamingEventProcessor processor = processing
                .eventProcessor("audit-index", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        jdbc.update("delete from audit_event_index where user_id = ?", user);
        processor.resetTokens();
        assertThat(trail.search(byUser, 0, 10))
                .as("rebuilt from the event table by the reset handler, before any event is replayed")
                .hasSize(1);
        processor.start();

        await().atMost(PROJECTION_LAG)
                .untilAsserted(() -> assertThat(trail.search(byUser, 0, 10)).hasSize(1));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event_index i "
                                + "where not exists (select 1 from domainevententry d where d.globalindex = i.global_index)",
                        Integer.class))
                .isZero();
    }

    @Test
    void theAuditIndexRunsInOneSegmentSoRowsArriveInGlobalOrder() {
        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from tokenentry where processorname = 'audit-index'", Integer.class))
                .isEqualTo(1));
    }

    @Test
    void anInvertedTimeRangeOrAMalformedCursorIsRejected() {
        AuditEventFilter inverted = new AuditEventFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Instant.parse("2020-01-02T00:00:00Z")),
                Optional.of(Instant.parse("2020-01-01T00:00:00Z")));
        assertThatThrownBy(() -> queries.events(AUDITOR, inverted, PageRequest.first(10)))
                .isInstanceOfSatisfying(
                        Rejection.RuleViolated.class, r -> assertThat(r.code()).isEqualTo("audit.time-range-inverted"));
        assertThatThrownBy(() ->
                        queries.events(AUDITOR, AuditEventFilter.everything(), new PageRequest(10, Optional.of("x"))))
                .isInstanceOfSatisfying(
                        Rejection.RuleViolated.class, r -> assertThat(r.code()).isEqualTo("page.cursor-invalid"));
    }

    /** A payload published straight to the event store, as infrastructure or a future context might. */
    record Travelled(String traveller, int step) {}

    private void publish(org.axonframework.eventhandling.EventMessage<?> event) {
        eventStore.publish(event);
    }

    private List<String> indexedUserOf(String aggregateId) {
        return jdbc.queryForList(
                "select coalesce(user_id::text, '<null>') from audit_event_index where aggregate_id = ?",
                String.class,
                aggregateId);
    }

    private static AuditEventFilter filter(String aggregateType, String eventType, UUID userId) {
        return new AuditEventFilter(
                Optional.ofNullable(aggregateType),
                Optional.ofNullable(eventType),
                Optional.ofNullable(userId),
                Optional.empty(),
                Optional.empty());
    }

    /** Runs {@code body} as an HTTP request by this user would: the request context stamps the metadata. */
    private static void as(UUID user, Role role, String requestId, Runnable body) {
        Actor actor = new Actor(user, role, Optional.empty(), Optional.empty());
        new RequestContext(Optional.of(actor), requestId, "corr-" + requestId, "203.0.113.7").bind(body);
    }
}
