package com.clinic.architecture;

import static com.clinic.architecture.Layers.APPLICATION_LAYER;
import static com.clinic.architecture.Layers.BOOTSTRAP_LAYER;
import static com.clinic.architecture.Layers.DOMAIN;
import static com.clinic.architecture.Layers.DOMAIN_LAYER;
import static com.clinic.architecture.Layers.EXTERNAL;
import static com.clinic.architecture.Layers.EXTERNAL_LAYER;
import static com.clinic.architecture.Layers.GENERATED_JOOQ;
import static com.clinic.architecture.Layers.PERSISTENCE;
import static com.clinic.architecture.Layers.PERSISTENCE_LAYER;
import static com.clinic.architecture.Layers.REST;
import static com.clinic.architecture.Layers.REST_LAYER;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: domain ← application ← adapters (rest, persistence, external) ←
 * bootstrap, adapters never use each other, and generated jOOQ types stay in persistence.
 *
 * <p>No rule here allows an empty subject: ArchUnit's {@code failOnEmptyShould} stays at its default
 * (true), the layered architecture has no optional layers, and {@link RuleSubjectsTest} asserts every
 * named package holds classes, so a renamed package cannot turn a rule silently vacuous.
 */
class LayerRulesTest {

    @Test
    void theDomainDependsOnlyOnTheJdkAndOtherDomainCode() {
        // An allow-list, so Spring, Axon, Jackson, Lombok, jOOQ and anything new are all kept out.
        ArchRule rule = classes()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", DOMAIN)
                .because("the domain is pure decisions: JDK only");
        rule.check(Layers.production());
    }

    @Test
    void dependenciesPointInward() {
        ArchRule rule = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(false)
                .layer("Domain")
                .definedBy(DOMAIN_LAYER)
                .layer("Application")
                .definedBy(APPLICATION_LAYER)
                .layer("Rest")
                .definedBy(REST_LAYER)
                .layer("Persistence")
                .definedBy(PERSISTENCE_LAYER)
                .layer("External")
                .definedBy(EXTERNAL_LAYER)
                .layer("Bootstrap")
                .definedBy(BOOTSTRAP_LAYER)
                .whereLayer("Bootstrap")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Rest")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("External")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application")
                .mayOnlyBeAccessedByLayers("Rest", "Persistence", "External", "Bootstrap")
                // No clause for Domain: every layer may use it, so "may only be accessed by" all of them
                // could never fail. What the domain itself may use is theDomainDependsOnlyOnTheJdk....
                // Rest, Persistence and External accessed by Bootstrap only: no adapter uses another.
                // Every production class must sit in a layer, so a new package cannot escape the rules.
                .ensureAllClassesAreContainedInArchitecture();
        rule.check(Layers.production());
    }

    @Test
    void theApplicationDoesNotDependOnAnyAdapter() {
        ArchRule rule = noClasses()
                .that(APPLICATION_LAYER)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(REST, PERSISTENCE, EXTERNAL)
                .because("adapters implement the application's ports, not the other way round");
        rule.check(Layers.production());
    }

    @Test
    void generatedJooqTypesAreUsedOnlyInsideThePersistenceAdapter() {
        noClasses()
                .that()
                .resideOutsideOfPackage(PERSISTENCE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(GENERATED_JOOQ)
                .because("ports return view records; table types are an implementation detail")
                .check(Layers.production());
    }
}
