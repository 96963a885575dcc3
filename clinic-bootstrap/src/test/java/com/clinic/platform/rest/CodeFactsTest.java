package com.clinic.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.rest.CodeFacts.Raised;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The problem codes the OpenAPI description lists are read from the bytecode of the whole
 * application; this keeps that reading complete and right.
 */
class CodeFactsTest {

    private static final CodeFacts FACTS = CodeFacts.ofClassPath();

    @Test
    void everyRejectionsCodeIsFoundInTheBytecodeAndHasAMessage() {
        assertThat(FACTS.unresolved())
                .as("rejections whose code cannot be told from the code")
                .isEmpty();
        assertThat(FACTS.raised()).hasSizeGreaterThan(150);
        assertThat(FACTS.raised().stream().map(Raised::code))
                .as("codes raised without an English message")
                .allMatch(FACTS.knownCodes()::contains);
    }

    @Test
    void eachCodeCarriesTheStatusOfTheRejectionThatRaisesIt() {
        Map<String, Set<Integer>> statuses = FACTS.raised().stream()
                .collect(Collectors.groupingBy(Raised::code, Collectors.mapping(Raised::status, Collectors.toSet())));

        assertThat(statuses.get("appointment.slot-in-past")).containsExactly(422);
        assertThat(statuses.get("account.identifier-taken")).containsExactly(409);
        assertThat(statuses.get("patient.not-found")).containsExactly(404);
        // Named by an access table, raised by the access policy:
        assertThat(statuses.get("appointment.not-found")).containsExactly(404);
        // Built from a parameter and completed at the callers:
        assertThat(statuses.get("clinic.name-required")).containsExactly(422);
        assertThat(statuses.get("branch.working-days-required")).containsExactly(422);
        assertThat(statuses.get("schedule.time-off-overlaps")).containsExactly(409);
        assertThat(statuses.get("schedule.extra-session-overlaps")).containsExactly(409);
    }

    @Test
    void aCodeBelongsToTheContextWhoseClassRaisesIt() {
        assertThat(FACTS.raised())
                .filteredOn(raised -> raised.code().equals("queue.nobody-waiting"))
                .extracting(raised -> CodeFacts.context(raised.className()))
                .containsOnly("scheduling");
        assertThat(FACTS.contextCalls().get("scheduling")).contains("directory");
        assertThat(FACTS.contextCalls().get("audit")).doesNotContain("scheduling", "directory", "identity");
    }

    @Test
    void aHandlersStatusesAndETagAreReadFromTheResponsesItBuilds() throws Exception {
        Class<?> clinics = Class.forName("com.clinic.directory.rest.ClinicController");
        CodeFacts.Handler create = FACTS.handler(method(clinics, "create"));
        CodeFacts.Handler update = FACTS.handler(method(clinics, "update"));
        CodeFacts.Handler list = FACTS.handler(method(clinics, "list"));

        assertThat(create.statuses()).containsExactly(201);
        assertThat(create.setsETag()).isTrue();
        assertThat(update.statuses()).containsExactly(204);
        assertThat(update.requiresIfMatch()).isTrue();
        assertThat(list.statuses()).isEmpty();
        assertThat(list.setsETag()).isFalse();
    }

    private static java.lang.reflect.Method method(Class<?> type, String name) {
        return List.of(type.getDeclaredMethods()).stream()
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
