package com.clinic.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;

/**
 * The hexagonal layers, identified by package segment in every bounded context, and the production
 * classes of every Maven module (test classes, test jars and the clinic-test-support module, which
 * only tests use, are left out: they may wire freely).
 */
final class Layers {

    static final String ROOT = "com.clinic";
    static final String DOMAIN = "com.clinic..domain..";
    static final String APPLICATION = "com.clinic..application..";
    static final String REST = "com.clinic..rest..";
    static final String PERSISTENCE = "com.clinic..persistence..";
    static final String EXTERNAL = "com.clinic..external..";
    static final String BOOTSTRAP = "com.clinic..bootstrap..";
    /** Every context's generated tables: {@code com.clinic.<context>.persistence.jooq} (ADR 0003). */
    static final String GENERATED_JOOQ = "com.clinic..persistence.jooq..";

    private static final Pattern CONTEXT_BASE_PACKAGE = Pattern.compile("com\\.clinic\\.[a-z][a-z0-9]*");

    /**
     * A context's base package (for example {@code com.clinic.identity}) holds its public API for
     * other contexts; it lives in the application module and obeys the application's rules.
     */
    static final DescribedPredicate<JavaClass> CONTEXT_API =
            DescribedPredicate.describe("reside in a bounded context's base package", javaClass -> CONTEXT_BASE_PACKAGE
                    .matcher(javaClass.getPackageName())
                    .matches());

    static final DescribedPredicate<JavaClass> DOMAIN_LAYER = resideInAPackage(DOMAIN);
    static final DescribedPredicate<JavaClass> APPLICATION_LAYER =
            resideInAPackage(APPLICATION).or(CONTEXT_API).as("application (incl. context APIs)");
    static final DescribedPredicate<JavaClass> REST_LAYER = resideInAPackage(REST);
    static final DescribedPredicate<JavaClass> PERSISTENCE_LAYER = resideInAPackage(PERSISTENCE);
    static final DescribedPredicate<JavaClass> EXTERNAL_LAYER = resideInAPackage(EXTERNAL);
    static final DescribedPredicate<JavaClass> BOOTSTRAP_LAYER =
            resideInAnyPackage(ROOT, BOOTSTRAP).as("bootstrap (" + ROOT + " and " + BOOTSTRAP + ")");
    static final DescribedPredicate<JavaClass> GENERATED_JOOQ_TYPES = resideInAPackage(GENERATED_JOOQ);

    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar");

    /** Test support arrives as an ordinary jar (or classes folder), so it is recognised by its package. */
    static final String TEST_SUPPORT = "com.clinic.testsupport";

    private static final ImportOption NO_TEST_SUPPORT =
            location -> !location.contains("/" + TEST_SUPPORT.replace('.', '/') + "/");

    private static JavaClasses production;

    private Layers() {}

    static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(NO_TEST_JARS)
                    .withImportOption(NO_TEST_SUPPORT)
                    .importPackages(ROOT);
        }
        return production;
    }
}
