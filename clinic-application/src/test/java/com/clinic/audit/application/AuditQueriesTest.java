package com.clinic.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.audit.application.port.AuditTrail;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.access.FixedActorRecords;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The paging and not-found rules of the audit queries, over an in-memory trail. */
class AuditQueriesTest {

    private final List<AuditEvent> stored = LongStream.rangeClosed(1, 5)
            .mapToObj(i -> event(i, i - 1, "PatientAggregate"))
            .toList();

    private final AuditTrail trail = new AuditTrail() {
        @Override
        public List<AuditEvent> eventsOf(String aggregateId) {
            return stored.stream()
                    .filter(e -> e.aggregateId().equals(aggregateId))
                    .toList();
        }

        @Override
        public List<AuditEvent> search(AuditEventFilter filter, long afterGlobalIndex, int limit) {
            return stored.stream()
                    .filter(e -> e.globalIndex() > afterGlobalIndex)
                    .limit(limit)
                    .toList();
        }
    };

    private final AuditQueries queries = new AuditQueries(trail, new FixedActorRecords().policy());
    private final Actor auditor = new Actor(UUID.randomUUID(), Role.AUDITOR, Optional.empty(), Optional.empty());

    @Test
    void aFullPageCarriesTheLastGlobalIndexAsCursorAndTheLastPageNone() {
        Page<AuditEvent> first = queries.events(auditor, AuditEventFilter.everything(), PageRequest.first(2));
        assertThat(first.items()).extracting(AuditEvent::globalIndex).containsExactly(1L, 2L);
        assertThat(first.nextCursor()).contains("2");

        Page<AuditEvent> last =
                queries.events(auditor, AuditEventFilter.everything(), new PageRequest(3, Optional.of("2")));
        assertThat(last.items()).extracting(AuditEvent::globalIndex).containsExactly(3L, 4L, 5L);
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void aNegativeOrNonNumericCursorIsRejected() {
        for (String cursor : List.of("-1", "abc", "")) {
            assertThatThrownBy(() -> queries.events(
                            auditor, AuditEventFilter.everything(), new PageRequest(2, Optional.of(cursor))))
                    .isInstanceOfSatisfying(Rejection.RuleViolated.class, r -> assertThat(r.code())
                            .isEqualTo("page.cursor-invalid"));
        }
    }

    @Test
    void aHistoryIsFoundByTypeOrAliasAndItsVersionIsTheLastSequenceNumber() {
        AggregateHistory history = queries.history(auditor, "patient", "agg");
        assertThat(history.version()).isEqualTo(4);
        assertThat(history.aggregateType()).isEqualTo("PatientAggregate");
        assertThat(queries.history(auditor, "PatientAggregate", "agg").events()).hasSize(5);
    }

    @Test
    void aHistoryOfAnotherTypeOrOfNothingIsNotFound() {
        assertThatThrownBy(() -> queries.history(auditor, "doctor", "agg")).isInstanceOf(Rejection.NotFound.class);
        assertThatThrownBy(() -> queries.history(auditor, "patient", "missing")).isInstanceOf(Rejection.NotFound.class);
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheTrail() {
        Actor manager = new Actor(UUID.randomUUID(), Role.MANAGER, Optional.of(UUID.randomUUID()), Optional.empty());
        assertThatThrownBy(() -> queries.events(manager, AuditEventFilter.everything(), PageRequest.first(2)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> queries.history(manager, "patient", "agg")).isInstanceOf(AccessRefused.class);
        Actor admin = new Actor(UUID.randomUUID(), Role.ADMIN, Optional.empty(), Optional.empty());
        assertThat(queries.history(admin, "patient", "agg").events()).hasSize(5);
    }

    private static AuditEvent event(long globalIndex, long sequence, String type) {
        return new AuditEvent(
                globalIndex,
                sequence,
                "event-" + globalIndex,
                "Happened",
                "com.clinic.Happened",
                Optional.of(type),
                Optional.of(AggregateTypes.alias(type)),
                "agg",
                Instant.EPOCH,
                AuditMetadata.none(),
                "{}");
    }
}
