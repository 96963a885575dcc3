package com.clinic.audit;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.AggregateCommand;
import com.clinic.platform.domain.DomainEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Test-only aggregate producing events through the real command path, so that the audit trail sees
 * exactly what production aggregates store: type name, sequence numbers, request metadata.
 * Its name ends in "Aggregate" like the real ones, so its alias is {@code audit-probe}.
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
class AuditProbeAggregate {

    record Open(String probeId, String note) implements AggregateCommand {
        @Override
        public String aggregateId() {
            return probeId;
        }
    }

    record Amend(String probeId, String note) implements AggregateCommand {
        @Override
        public String aggregateId() {
            return probeId;
        }
    }

    record Opened(String probeId, String note) implements DomainEvent {
        @Override
        public String aggregateId() {
            return probeId;
        }
    }

    record Amended(String probeId, String note) implements DomainEvent {
        @Override
        public String aggregateId() {
            return probeId;
        }
    }

    @AggregateIdentifier
    private String id;

    AuditProbeAggregate() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(Open command) {
        AggregateLifecycle.apply(new Opened(command.probeId(), command.note()));
    }

    @CommandHandler
    void handle(Amend command) {
        AggregateLifecycle.apply(new Amended(command.probeId(), command.note()));
    }

    @EventSourcingHandler
    void on(Opened event) {
        id = event.probeId();
    }
}
