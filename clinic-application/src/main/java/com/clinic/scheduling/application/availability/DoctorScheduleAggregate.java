package com.clinic.scheduling.application.availability;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.domain.Decider;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.AddExtraSession;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.AddTimeOff;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.DefineWorkingHours;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.RemoveExtraSession;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.RemoveTimeOff;
import com.clinic.scheduling.domain.availability.DoctorScheduleDecider;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent;
import com.clinic.scheduling.domain.availability.DoctorScheduleState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Event-sourced schedule of one doctor at one branch. The first change of any kind creates it, so
 * those handlers check the client's expected version themselves; each returns the new version.
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class DoctorScheduleAggregate
        extends DeciderAggregate<DoctorScheduleCommand, DoctorScheduleEvent, DoctorScheduleState> {

    private static final DoctorScheduleDecider DECIDER = new DoctorScheduleDecider();

    protected DoctorScheduleAggregate() {}

    @Override
    protected Decider<DoctorScheduleCommand, DoctorScheduleEvent, DoctorScheduleState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(DefineWorkingHours command, @MetaDataValue(MetadataKeys.EXPECTED_VERSION) Object expected) {
        Preconditions.check(id(), expected);
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(AddTimeOff command, @MetaDataValue(MetadataKeys.EXPECTED_VERSION) Object expected) {
        Preconditions.check(id(), expected);
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RemoveTimeOff command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(AddExtraSession command, @MetaDataValue(MetadataKeys.EXPECTED_VERSION) Object expected) {
        Preconditions.check(id(), expected);
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RemoveExtraSession command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }
}
