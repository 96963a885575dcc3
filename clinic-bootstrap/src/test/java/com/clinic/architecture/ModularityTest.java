package com.clinic.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.ClinicApplication;
import com.clinic.support.RepositoryRoot;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The bounded contexts as Spring Modulith modules: each may use another only through that
 * context's base package (its API), with no cycles; platform is the open shared kernel. Also checks
 * that the module documentation in docs/modules is current.
 */
class ModularityTest {

    /**
     * Demo seeding drives every context's use cases, like a composition root, so it is left out of
     * the module analysis. It lives under platform (an open module) only for lack of a better home;
     * analysing it would report platform reaching into identity's and directory's internals, and a
     * platform ↔ context cycle. Nothing else is excluded.
     */
    static final DescribedPredicate<JavaClass> COMPOSITION_ONLY =
            JavaClass.Predicates.resideInAPackage("com.clinic.platform.bootstrap.demo..");

    /**
     * The clinic-test-support module is on the test class path as an ordinary jar, which Modulith
     * would otherwise take for a bounded context of its own; it is no part of the application.
     */
    static final DescribedPredicate<JavaClass> TEST_SUPPORT =
            JavaClass.Predicates.resideInAPackage(Layers.TEST_SUPPORT + "..");

    private static final ApplicationModules MODULES =
            ApplicationModules.of(ClinicApplication.class, COMPOSITION_ONLY.or(TEST_SUPPORT));

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        MODULES.verify();
    }

    /** Every top-level package below com.clinic is a module, and nothing else is: a context added is seen. */
    @Test
    void theModulesAreExactlyTheTopLevelPackages() {
        Set<String> topLevel = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.clinic").stream()
                        .filter(type -> !TEST_SUPPORT.test(type))
                        .map(JavaClass::getPackageName)
                        .filter(name -> name.startsWith("com.clinic."))
                        .map(name -> name.substring("com.clinic.".length()).split("\\.")[0])
                        .collect(Collectors.toCollection(TreeSet::new));

        assertThat(topLevel).contains("platform", "identity", "directory", "audit", "scheduling");
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrderElementsOf(topLevel);
    }

    /**
     * Writes the module documentation into target/ and compares it with docs/modules, so a build
     * never dirties the work tree. When the modules changed, rerun with {@code
     * -Dclinic.modules.update=true} to write docs/modules, and commit it.
     */
    @Test
    void theCommittedModuleDocumentationIsCurrent() throws IOException {
        Path root = RepositoryRoot.path();
        Path committed = root.resolve("docs/modules");
        boolean update = Boolean.getBoolean("clinic.modules.update");
        Path output = update ? committed : root.resolve("clinic-bootstrap/target/modules");

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                // Internals revealed: a context's components all live below its base package (its API).
                .writeDocumentation(
                        Documenter.DiagramOptions.defaults(),
                        Documenter.CanvasOptions.defaults().revealInternals());
        sortRelationships(output);

        assertThat(output.resolve("components.puml")).exists();
        try (Stream<Path> written = Files.list(output)) {
            for (Path file : written.sorted().toList()) {
                Path mine = committed.resolve(file.getFileName());
                String stale = "docs/modules/" + file.getFileName()
                        + " is missing or stale: rerun ModularityTest with -Dclinic.modules.update=true"
                        + " and commit docs/modules";
                assertThat(mine).as(stale).exists();
                // Compared as sorted lines: the canvases list a module's beans in an order that is not
                // the same from one JVM to the next (seen: "axon.Commands" before and after "IdGenerator").
                assertThat(sortedLines(mine)).as(stale).isEqualTo(sortedLines(file));
            }
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // The first item of a table cell carries the cell's "|": which item comes first follows
            // the same unstable order (seen: a class's two event listeners), so the mark is not compared.
            lines.add(line.startsWith("|* ") ? line.substring(1) : line);
        }
        lines.sort(null);
        return lines;
    }

    /**
     * The diagrams list relationships in hash order, which changes from run to run; sorting each
     * block of {@code Rel(...)} lines keeps the committed files stable when nothing changed.
     */
    private static void sortRelationships(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            for (Path diagram :
                    files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(diagram, StandardCharsets.UTF_8);
                List<String> sorted = new ArrayList<>(lines.size());
                List<String> block = new ArrayList<>();
                for (String line : lines) {
                    if (line.startsWith("Rel(")) {
                        block.add(line);
                        continue;
                    }
                    block.sort(null);
                    sorted.addAll(block);
                    block.clear();
                    sorted.add(line);
                }
                block.sort(null);
                sorted.addAll(block);
                Files.write(diagram, sorted, StandardCharsets.UTF_8);
            }
        }
    }
}
