package com.clinic.audit.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AggregateTypesTest {

    @Test
    void anAliasIsTheKebabCaseNameWithoutTheAggregateSuffix() {
        assertThat(AggregateTypes.alias("PatientAggregate")).isEqualTo("patient");
        assertThat(AggregateTypes.alias("WalkInQueueAggregate")).isEqualTo("walk-in-queue");
        assertThat(AggregateTypes.alias("UserAccount")).isEqualTo("user-account");
        assertThat(AggregateTypes.alias("Aggregate")).isEqualTo("aggregate");
        assertThat(AggregateTypes.alias("patient")).isEqualTo("patient");
    }

    @Test
    void aTypeIsAddressedByItsStoredNameOrItsAliasOnly() {
        assertThat(AggregateTypes.matches("PatientAggregate", "PatientAggregate"))
                .isTrue();
        assertThat(AggregateTypes.matches("patient", "PatientAggregate")).isTrue();
        assertThat(AggregateTypes.matches("Patient", "PatientAggregate")).isFalse();
        assertThat(AggregateTypes.matches("doctor", "PatientAggregate")).isFalse();
    }

    @Test
    void anEventsSimpleNameFollowsTheLastDotOrDollar() {
        assertThat(EventTypes.simpleName("com.clinic.x.domain.PatientEvent$PatientRegistered"))
                .isEqualTo("PatientRegistered");
        assertThat(EventTypes.simpleName("com.clinic.Thing")).isEqualTo("Thing");
        assertThat(EventTypes.simpleName("Thing")).isEqualTo("Thing");
    }

    @Test
    void aFilterNamingAFullEventTypeAlsoConstrainsItsSimpleName() {
        AuditEventFilter filter = new AuditEventFilter(
                java.util.Optional.of("PatientAggregate"),
                java.util.Optional.of("com.clinic.x.PatientEvent$PatientRegistered"),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty());

        assertThat(filter.aggregateAlias()).contains("patient");
        assertThat(filter.exactAggregateType()).contains("PatientAggregate");
        assertThat(filter.eventSimpleName()).contains("PatientRegistered");
        assertThat(filter.exactPayloadType()).contains("com.clinic.x.PatientEvent$PatientRegistered");
    }
}
