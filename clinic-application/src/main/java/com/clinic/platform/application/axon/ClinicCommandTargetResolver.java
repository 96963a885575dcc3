package com.clinic.platform.application.axon;

import com.clinic.platform.domain.AggregateCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes the domain's plain-record commands without Axon annotations: the target comes from
 * {@link AggregateCommand#aggregateId()}, the expected version (optimistic concurrency from an
 * HTTP {@code If-Match}) from the message metadata.
 */
public final class ClinicCommandTargetResolver implements CommandTargetResolver {

    public static final String BEAN_NAME = "clinicCommandTargetResolver";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof AggregateCommand target)) {
            throw new IllegalArgumentException(
                    "Command " + command.getCommandName() + " does not implement " + AggregateCommand.class.getName());
        }
        Object expected = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION);
        Long version =
                switch (expected) {
                    case null -> null;
                    case Number number -> number.longValue();
                    case String text -> Long.valueOf(text);
                    default -> throw new IllegalArgumentException("Unsupported expected version " + expected);
                };
        return new VersionedAggregateIdentifier(target.aggregateId(), version);
    }
}
