package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guards the silent Axon-on-Boot-4 trap: if Axon fell back to a no-op transaction manager, the
 * event append and the command handler's own writes would commit separately.
 */
@IntegrationTest
class AxonWiringTest {

    @Autowired
    TransactionManager axonTransactionManager;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    CommandGateway commands;

    @Autowired
    DeadlineManager deadlines;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void axonUsesSpringsTransactionManagerAndTheJdbcStorageEngine() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    /**
     * Every projection (a streaming processor that can be reset) dead-letters the events it fails on,
     * in a queue of its own group, named as the processor; processes and the claim ledger do not: a
     * dead-lettered claim would let a double booking through, and processes retry instead (ADR 0016).
     */
    @Test
    void everyProjectionAndNothingElseHasADeadLetterQueue() {
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            String name = entry.getKey();
            boolean projection =
                    entry.getValue() instanceof StreamingEventProcessor streaming && streaming.supportsReset();
            assertThat(processing.sequencedDeadLetterProcessor(name).isPresent())
                    .as(name)
                    .isEqualTo(projection);
            // The savepoint per event belongs to projections only: not to the claim ledger, which runs
            // in the command's transaction, nor to processes.
            assertThat(processing.interceptorsFor(name))
                    .as(name)
                    .filteredOn(interceptor ->
                            interceptor.getClass().getSimpleName().equals("EventSavepoints"))
                    .hasSize(projection ? 1 : 0);
            if (projection) {
                assertThat(processing.sequencedDeadLetterProcessor(name).orElseThrow())
                        .as(name)
                        .isInstanceOf(DeadLetteringEventHandlerInvoker.class);
                assertThat(processing.deadLetterQueue(name)).as(name).isPresent();
            }
        }
        assertThat(processing.sequencedDeadLetterProcessor("scheduling-claims")).isEmpty();
    }

    @Test
    void deadlinesAreDurableRowsInPostgresqlNotInMemoryTimers() {
        assertThat(deadlines).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void eventAppendAndHandlerWriteCommitTogether() {
        String probeId = UUID.randomUUID().toString();
        UUID subject = UUID.randomUUID();

        commands.sendAndWait(new TransactionProbe.Probe(probeId, subject, false));

        assertThat(eventsOf(probeId)).isEqualTo(1);
        assertThat(subjectKeys(subject)).isEqualTo(1);
    }

    @Test
    void aFailureAfterTheAppendRollsBackTheEventAndTheHandlerWrite() {
        String probeId = UUID.randomUUID().toString();
        UUID subject = UUID.randomUUID();

        assertThatThrownBy(() -> commands.sendAndWait(new TransactionProbe.Probe(probeId, subject, true)))
                .hasMessageContaining("probe failure");

        assertThat(eventsOf(probeId)).isZero();
        assertThat(subjectKeys(subject)).isZero();
    }

    private int eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, aggregateId);
    }

    private int subjectKeys(UUID subject) {
        return jdbc.queryForObject("select count(*) from subject_key where subject_id = ?", Integer.class, subject);
    }
}
