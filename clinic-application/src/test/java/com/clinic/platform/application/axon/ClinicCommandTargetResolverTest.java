package com.clinic.platform.application.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.AggregateCommand;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

class ClinicCommandTargetResolverTest {

    record Rename(String aggregateId, String name) implements AggregateCommand {}

    private final ClinicCommandTargetResolver resolver = new ClinicCommandTargetResolver();

    @Test
    void targetsTheAggregateNamedByTheCommandWithAnyVersionByDefault() {
        var target = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Rename("a-1", "x")));

        assertThat(target.getIdentifier()).isEqualTo("a-1");
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void takesTheExpectedVersionFromMetadataSoStaleWritesAreDetected() {
        var message = GenericCommandMessage.asCommandMessage(new Rename("a-1", "x"))
                .andMetaData(Map.of(MetadataKeys.EXPECTED_VERSION, 4L));

        assertThat(resolver.resolveTarget(message).getVersion()).isEqualTo(4L);
    }

    @Test
    void refusesCommandsThatDoNotNameTheirAggregate() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage("not a command")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
