package com.clinic.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules are only worth something if what they name exists: a rule about an empty
 * package passes vacuously. This asserts each rule's subject holds production classes and that
 * nobody switched off ArchUnit's own protection against empty subjects.
 */
class RuleSubjectsTest {

    @Test
    void everyLayerTheRulesNameContainsClasses() {
        Map<String, DescribedPredicate<JavaClass>> subjects = Map.of(
                "domain", Layers.DOMAIN_LAYER,
                "application", Layers.APPLICATION_LAYER,
                "rest", Layers.REST_LAYER,
                "persistence", Layers.PERSISTENCE_LAYER,
                "external", Layers.EXTERNAL_LAYER,
                "bootstrap", Layers.BOOTSTRAP_LAYER,
                "generated jOOQ", Layers.GENERATED_JOOQ_TYPES);
        subjects.forEach(
                (name, subject) -> assertThat(Layers.production().that(subject).size())
                        .as("production classes in the %s layer (%s)", name, subject.getDescription())
                        .isPositive());
    }

    @Test
    void theClassPathOfEveryModuleIsImported() {
        for (String type : new String[] {
            "com.clinic.platform.domain.Decider",
            "com.clinic.platform.application.axon.DeciderAggregate",
            "com.clinic.platform.rest.ProblemDetailsAdvice",
            "com.clinic.platform.persistence.jooq.Tables",
            "com.clinic.identity.persistence.jooq.Tables",
            "com.clinic.directory.persistence.jooq.Tables",
            "com.clinic.audit.persistence.jooq.Tables",
            "com.clinic.scheduling.persistence.jooq.Tables",
            "com.clinic.ClinicApplication"
        }) {
            assertThat(Layers.production().contain(type)).as(type).isTrue();
        }
    }

    @Test
    void archUnitStillFailsRulesWhoseSubjectIsEmpty() {
        assertThat(ArchConfiguration.get().getPropertyOrDefault("archRule.failOnEmptyShould", "true"))
                .isEqualTo("true");
    }

    @Test
    void testCodeIsNotPartOfTheCheckedClasses() {
        assertThat(Layers.production().contain("com.clinic.platform.TransactionProbe"))
                .isFalse();
        assertThat(Layers.production().contain("com.clinic.architecture.LayerRulesTest"))
                .isFalse();
        assertThat(Layers.production().contain("com.clinic.testsupport.TestClock"))
                .as("the test-support module")
                .isFalse();
    }
}
