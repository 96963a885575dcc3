package com.clinic.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Only a violation that means "someone else claimed it first" is a 409; any other is our defect. */
class IntegrityViolationProblemsTest {

    private final CommandProblemAdvice advice = new CommandProblemAdvice(new ProblemWriter(
            new MessageBundles().messageSource(),
            new AcceptHeaderLocaleResolver(),
            JsonMapper.builder().build()));

    private ResponseEntity<ProblemDetail> answer(String sqlState) {
        DataIntegrityViolationException violation = new DataIntegrityViolationException(
                "could not execute statement", new SQLException("ERROR: detail naming a table", sqlState));
        return advice.concurrentWrite(violation, new MockHttpServletRequest("POST", "/api/v1/appointments"));
    }

    @Test
    void aUniqueOrExclusionViolationIsAConcurrentModification() {
        for (String state : new String[] {"23505", "23P01"}) {
            ResponseEntity<ProblemDetail> answer = answer(state);
            assertThat(answer.getStatusCode().value()).as(state).isEqualTo(409);
            assertThat(answer.getBody().getProperties()).containsEntry("code", "concurrent-modification");
        }
    }

    @Test
    void aNotNullForeignKeyOrCheckViolationIsAnInternalErrorThatNamesNoInternals() {
        for (String state : new String[] {"23502", "23503", "23514"}) {
            ResponseEntity<ProblemDetail> answer = answer(state);
            assertThat(answer.getStatusCode().value()).as(state).isEqualTo(500);
            assertThat(answer.getBody().getProperties()).containsEntry("code", "internal");
            assertThat(String.valueOf(answer.getBody().getDetail())).doesNotContain("table", "ERROR");
        }
    }
}
