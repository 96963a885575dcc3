package com.clinic.platform;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.AggregateCommand;
import com.clinic.platform.domain.DomainEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Test-only aggregate whose command handler does what real ones do (seal personal data, which
 * writes a subject key, then append an event) and optionally fails afterwards, so a test can see
 * whether the two writes commit and roll back together.
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
class TransactionProbe {

    record Probe(String probeId, UUID subjectId, boolean failAfterAppend) implements AggregateCommand {
        @Override
        public String aggregateId() {
            return probeId;
        }
    }

    record Probed(String probeId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return probeId;
        }
    }

    @AggregateIdentifier
    private String id;

    TransactionProbe() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(Probe command, PersonalDataVault vault) {
        vault.seal(command.subjectId(), "probe");
        AggregateLifecycle.apply(new Probed(command.probeId()));
        if (command.failAfterAppend()) {
            throw new IllegalStateException("probe failure after the append");
        }
    }

    @EventSourcingHandler
    void on(Probed event) {
        id = event.probeId();
    }
}
