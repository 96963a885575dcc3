package com.clinic.architecture;

import static com.clinic.architecture.Layers.GENERATED_JOOQ;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.persistence.jooq.Tables;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Schema;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each context's tables generate into its own package, {@code com.clinic.<context>.persistence.jooq}
 * (one jooq-codegen-maven execution per context, ADR 0003), and only that context uses them; the
 * platform's (Axon's tables, deadlines, subject keys, idempotency) are open like the platform
 * itself. Another context's facts come through its API (ADR 0017), which the module check sees.
 */
class JooqTableOwnershipTest {

    private static final Pattern CONTEXT = Pattern.compile("com\\.clinic\\.([a-z][a-z0-9]*)\\..*");
    private static final Pattern TABLES_PACKAGE =
            Pattern.compile("com\\.clinic\\.([a-z][a-z0-9]*)\\.persistence\\.jooq");

    static final ArchRule TABLES_ARE_USED_ONLY_BY_THEIR_CONTEXT = classes()
            .that()
            .resideInAPackage(GENERATED_JOOQ)
            .should(new ArchCondition<JavaClass>("be used only by the context that owns them (platform's by any)") {
                @Override
                public void check(JavaClass generated, ConditionEvents events) {
                    String owner = contextOf(generated.getPackageName());
                    if (owner.equals("platform")) {
                        return;
                    }
                    for (Dependency use : generated.getDirectDependenciesToSelf()) {
                        if (!owner.equals(contextOf(use.getOriginClass().getPackageName()))) {
                            events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                        }
                    }
                }
            })
            .because("a context's tables are its internals; others ask its API (ADR 0017)");

    @Test
    void aContextsTablesAreUsedOnlyByThatContext() {
        TABLES_ARE_USED_ONLY_BY_THEIR_CONTEXT.check(Layers.production());
    }

    /** The rule is only worth something if it fails: here on a scheduling-like reader of branch_view. */
    @Test
    void theRuleCatchesAReadOfAnotherContextsTables() {
        var classes = new ClassFileImporter().importClasses(ReadsTheDirectorysTables.class, Tables.class);

        EvaluationResult result = TABLES_ARE_USED_ONLY_BY_THEIR_CONTEXT.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(ReadsTheDirectorysTables.class.getSimpleName()));
    }

    /**
     * Every table the migrations create (and do not drop, or hide from the generator) is generated in
     * exactly one context's package: a new table must be given an owner in the persistence pom.
     */
    @Test
    void everyTableIsGeneratedForExactlyOneContext() throws Exception {
        Set<String> migrated = tablesOfTheMigrations();
        Map<String, List<String>> owners = new TreeMap<>();
        for (String context : contextsWithTables()) {
            Class<?> schemaType = Class.forName("com.clinic." + context + ".persistence.jooq.DefaultSchema");
            Schema schema = (Schema) schemaType.getField("DEFAULT_SCHEMA").get(null);
            for (Table<?> table : schema.getTables()) {
                owners.computeIfAbsent(table.getName(), name -> new ArrayList<>())
                        .add(context);
            }
        }

        assertThat(owners.keySet()).as("generated tables").containsExactlyInAnyOrderElementsOf(migrated);
        assertThat(owners)
                .as("tables generated for more than one context")
                .allSatisfy((table, contexts) -> assertThat(contexts).as(table).hasSize(1));
        assertThat(owners.get("branch_view")).containsExactly("directory");
        assertThat(owners.get("domainevententry")).containsExactly("platform");
    }

    private static Set<String> contextsWithTables() {
        Set<String> contexts = new TreeSet<>();
        for (JavaClass type : Layers.production().that(Layers.GENERATED_JOOQ_TYPES)) {
            Matcher matcher = TABLES_PACKAGE.matcher(type.getPackageName());
            if (matcher.matches()) {
                contexts.add(matcher.group(1));
            }
        }
        assertThat(contexts).contains("platform", "identity", "directory", "audit", "scheduling");
        return contexts;
    }

    /** CREATE TABLE minus DROP TABLE, in Flyway order, outside the generator's ignore markers. */
    private static Set<String> tablesOfTheMigrations() throws IOException {
        Resource[] scripts =
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
        List<Resource> ordered = new ArrayList<>(List.of(scripts));
        ordered.sort(Comparator.comparingInt(JooqTableOwnershipTest::version));
        Pattern ignored =
                Pattern.compile("(--|/\\*)\\s*\\[jooq ignore start\\].*?\\[jooq ignore stop\\]", Pattern.DOTALL);
        Pattern statement = Pattern.compile(
                "\\b(CREATE|DROP)\\s+TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
        Set<String> tables = new LinkedHashSet<>();
        for (Resource script : ordered) {
            String sql = ignored.matcher(script.getContentAsString(StandardCharsets.UTF_8))
                    .replaceAll("");
            Matcher matcher = statement.matcher(sql);
            while (matcher.find()) {
                String table = matcher.group(2).toLowerCase(Locale.ROOT);
                if (matcher.group(1).equalsIgnoreCase("CREATE")) {
                    tables.add(table);
                } else {
                    tables.remove(table);
                }
            }
        }
        assertThat(tables).as("tables the migrations leave").contains("branch_view", "appointment_view");
        return tables;
    }

    private static int version(Resource script) {
        String name = script.getFilename();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String contextOf(String packageName) {
        Matcher matcher = CONTEXT.matcher(packageName + ".");
        return matcher.matches() ? matcher.group(1) : packageName;
    }

    /** Stands for an adapter of another context reading the directory's table directly. */
    static final class ReadsTheDirectorysTables {
        Object branches() {
            return Tables.BRANCH_VIEW;
        }
    }
}
