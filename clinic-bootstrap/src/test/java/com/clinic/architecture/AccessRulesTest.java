package com.clinic.architecture;

import static com.clinic.architecture.Layers.APPLICATION_LAYER;
import static com.clinic.architecture.Layers.REST_LAYER;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * One access policy (ADR 0019): the use cases ask {@code AccessPolicy}; the HTTP layer only
 * authenticates, so no controller carries a role rule of its own, and the application knows nothing
 * of Spring Security or of how requests are serialised.
 */
class AccessRulesTest {

    @Test
    void noControllerCarriesARoleRule() {
        noMethods()
                .that()
                .areDeclaredInClassesThat(REST_LAYER)
                .should()
                .beAnnotatedWith(PreAuthorize.class)
                .orShould()
                .beAnnotatedWith(PostAuthorize.class)
                .orShould()
                .beAnnotatedWith(Secured.class)
                .orShould()
                .beAnnotatedWith(RolesAllowed.class)
                .because("who may do what is decided once, by the application's access policy")
                .check(Layers.production());
        noClasses()
                .that(REST_LAYER)
                .should()
                .beAnnotatedWith(PreAuthorize.class)
                .orShould()
                .beAnnotatedWith(Secured.class)
                .because("who may do what is decided once, by the application's access policy")
                .check(Layers.production());
    }

    @Test
    void theApplicationUsesNoSpringSecurityType() {
        noClasses()
                .that(APPLICATION_LAYER)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.security..")
                .because("refusals are the policy's own AccessRefused and Rejection.NotFound")
                .check(Layers.production());
    }

    @Test
    void portsCarryNoJacksonType() {
        noClasses()
                .that()
                .resideInAPackage("com.clinic..application..port..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
                .because("a port speaks in the application's own types; JSON is an adapter's business")
                .check(Layers.production());
    }
}
