package com.clinic.bench.drills;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HostileJudgeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "application/problem+json";
    private static final String CLEAN_PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"code\":\"invalid-body\"}";

    private final HostileJudge judge = new HostileJudge(JSON);

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Nested
    class ServerErrors {

        @Test
        void a_4xx_problem_is_acceptable() {
            var verdict = judge.judge("POST", 400, PROBLEM, "", CLEAN_PROBLEM);

            assertThat(verdict.acceptable()).isTrue();
            assertThat(verdict.reasons()).isEmpty();
        }

        @Test
        void a_5xx_fails_even_as_a_clean_problem() {
            var verdict = judge.judge("GET", 503, PROBLEM, "", CLEAN_PROBLEM);

            assertThat(verdict.reasons()).containsExactly("5xx");
        }
    }

    @Nested
    class ProblemShape {

        @Test
        void an_error_with_the_problem_media_type_and_parameters_is_acceptable() {
            var verdict = judge.judge("GET", 404, "Application/Problem+JSON; charset=utf-8", "", CLEAN_PROBLEM);

            assertThat(verdict.acceptable()).isTrue();
        }

        @Test
        void an_error_as_plain_json_or_html_fails() {
            assertThat(judge.judge("GET", 404, "application/json", "", CLEAN_PROBLEM)
                            .reasons())
                    .containsExactly("not-problem-json");
            assertThat(judge.judge("GET", 400, "text/html", "", "<html>Bad Request</html>")
                            .reasons())
                    .containsExactly("not-problem-json");
            assertThat(judge.judge("GET", 400, "", "", "").reasons()).containsExactly("not-problem-json");
        }

        @Test
        void answers_that_carry_no_body_need_no_problem() {
            assertThat(judge.judge("HEAD", 404, "", "", "").acceptable()).isTrue();
            assertThat(judge.judge("GET", 204, "", "", "").acceptable()).isTrue();
            assertThat(judge.judge("GET", 304, "", "", "").acceptable()).isTrue();
        }

        @Test
        void a_success_needs_no_problem_media_type() {
            assertThat(judge.judge("GET", 200, "application/json", "", "{\"id\":\"1\"}")
                            .acceptable())
                    .isTrue();
        }

        @Test
        void reasons_come_in_a_fixed_order_and_all_count() {
            var verdict = judge.judge(
                    "GET", 500, "text/html", "", "<h1>Whitelabel Error Page</h1> java.lang.NullPointerException");

            assertThat(verdict.reasons()).containsExactly("5xx", "not-problem-json", "leak");
        }
    }

    @Nested
    class Leaks {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{\"detail\":\"java.lang.IllegalStateException: boom\"}",
                    "{\"detail\":\"NullPointerException\"}",
                    "{\"detail\":\"tools.jackson.core.exc.StreamReadException\"}",
                    "{\"detail\":\"ERROR: duplicate key value violates unique constraint\"}",
                    "{\"detail\":\"syntax error at or near \\\"DROP\\\"\"}",
                    "ERROR: relation \"clinic\" does not exist",
                    "{\"detail\":\"SQLState: 23505\"}",
                    "{\"detail\":\"bad SQL grammar\"}",
                    "{\"detail\":\"the axon event store refused\"}",
                    "{\"detail\":\"HikariPool-1 - Connection is not available\"}",
                    "{\"detail\":\"at com.clinic.rest.ClinicController.create\"}",
                    "{\"detail\":\"com.clinic.domain.clinic.Clinic\"}",
                    "{\"trace\":\"...\"}",
                    "{\"detail\":\"JSON parse error: Unrecognized token 'x': [Source: REDACTED]\"}",
                    "{\"detail\":\"Failed to convert value of type 'java.lang.String'\"}",
                    "{\"detail\":\"Required request body is missing\"}",
                    "{\"detail\":\"No static resource api/v1/x.\"}",
                    "<html><body>Whitelabel Error Page</body></html>",
                    "<h3>Apache Tomcat/11.0</h3>",
                })
        void an_error_naming_internals_fails(String body) {
            var verdict = judge.judge("POST", 400, PROBLEM, "", body);

            assertThat(verdict.reasons()).containsExactly("leak");
            assertThat(verdict.leak()).isNotNull();
            assertThat(body).contains(verdict.leak());
        }

        @Test
        void an_error_with_a_stack_frame_fails_and_names_the_frame_first_marker() {
            String body = "{\"detail\":\"boom\n\tat com.clinic.rest.Foo.bar(Foo.java:42)\"}";

            assertThat(HostileJudge.leak(400, body, "")).isEqualTo("\tat ");
        }

        @Test
        void a_clean_error_passes() {
            assertThat(HostileJudge.leak(422, CLEAN_PROBLEM, "Content-Type: application/problem+json\n"))
                    .isNull();
        }

        @Test
        void a_success_may_echo_internal_looking_user_data() {
            String stored = "{\"nameEn\":\"O'Brien\\\"; DROP TABLE clinics; -- NullPointerException java.lang.\"}";

            assertThat(HostileJudge.leak(201, stored, "")).isNull();
            assertThat(judge.judge("POST", 201, "application/json", "", stored).acceptable())
                    .isTrue();
        }

        @Test
        void a_success_carrying_a_stack_trace_fails() {
            String body = "{\"x\":\"java.lang.RuntimeException\n\tat com.clinic.App.main(App.java:10)\"}";

            assertThat(HostileJudge.leak(200, body, "")).isEqualTo("at com.clinic.App.main(App.java:10)");
            assertThat(HostileJudge.leak(200, "Caused by: x", "")).isEqualTo("Caused by: ");
            assertThat(HostileJudge.leak(200, "Exception in thread \"main\"", ""))
                    .isEqualTo("Exception in thread");
            assertThat(HostileJudge.leak(200, "at jdk.internal.X.y(Native Method)", ""))
                    .isEqualTo("at jdk.internal.X.y(Native Method)");
        }

        @Test
        void internal_words_count_only_as_whole_words() {
            assertThat(HostileJudge.leak(400, "{\"detail\":\"SQLite-free and taxonomy\"}", ""))
                    .isNull();
            assertThat(HostileJudge.leak(400, "{\"detail\":\"Axon said no\"}", ""))
                    .isEqualTo("Axon");
        }

        @Test
        void a_header_that_names_the_server_stack_fails_any_status() {
            assertThat(HostileJudge.leak(200, "{}", "X-Powered-By: Servlet/6.1\n"))
                    .isEqualTo("Server");
            assertThat(HostileJudge.leak(404, CLEAN_PROBLEM, "content-type: x\nServer: Apache-Coyote/1.1\n"))
                    .isEqualTo("Server");
            assertThat(HostileJudge.leak(200, "{}", "content-type: x\nserver: nginx\n"))
                    .isNull();
        }

        @Test
        void a_leaking_verdict_shows_the_text_around_the_marker() {
            String body = "{\"detail\":\"" + "x".repeat(500) + " org.postgresql.util.PSQLException\"}";
            var verdict = judge.judge("GET", 400, PROBLEM, "", body);

            assertThat(verdict.snippet(body, "")).startsWith("[Exception] ").contains("PSQLException");
            assertThat(verdict.leak()).isEqualTo("Exception");
        }

        @Test
        void a_clean_failure_shows_the_start_of_the_body() {
            var verdict = judge.judge("GET", 500, PROBLEM, "", CLEAN_PROBLEM);

            assertThat(verdict.snippet(CLEAN_PROBLEM, "")).isEqualTo(CLEAN_PROBLEM);
        }

        @Test
        void a_bare_body_without_a_status_line_is_judged_as_an_error() {
            assertThat(HostileJudge.bareBodyLeak("")).isNull();
            assertThat(HostileJudge.bareBodyLeak("Bad Request")).isNull();
            assertThat(HostileJudge.bareBodyLeak("java.lang.IllegalArgumentException: Invalid character"))
                    .isEqualTo("Exception");
        }
    }

    @Nested
    class RequestIds {

        @Test
        void a_problem_carrying_the_responses_request_id_is_acceptable() {
            String body = "{\"status\":400,\"requestId\":\"r-1\"}";

            assertThat(judge.judge("GET", 400, PROBLEM, "X-Request-Id: r-1\n", body)
                            .acceptable())
                    .isTrue();
            assertThat(judge.requestIdConsistent(body, "x-request-id: r-1\r\n")).isTrue();
        }

        @Test
        void a_problem_echoing_another_request_id_fails() {
            String body = "{\"status\":400,\"requestId\":\"client-sent\"}";

            assertThat(judge.judge("GET", 400, PROBLEM, "X-Request-Id: r-1\n", body)
                            .reasons())
                    .containsExactly("request-id-mismatch");
        }

        @Test
        void an_idempotent_replay_may_carry_the_first_requests_id() {
            String body = "{\"status\":409,\"requestId\":\"first\"}";

            assertThat(judge.requestIdConsistent(body, "X-Request-Id: second\nIdempotent-Replayed: true\n"))
                    .isTrue();
        }

        @Test
        void nothing_to_compare_is_no_mismatch() {
            assertThat(judge.requestIdConsistent(CLEAN_PROBLEM, "X-Request-Id: r-1\n"))
                    .isTrue();
            assertThat(judge.requestIdConsistent("{\"requestId\":\"a\"}", "")).isTrue();
            assertThat(judge.requestIdConsistent("{\"requestId\": not json", "X-Request-Id: r-1\n"))
                    .isTrue();
        }

        @Test
        void a_success_is_not_checked_for_request_ids() {
            assertThat(judge.judge("GET", 200, "application/json", "X-Request-Id: a\n", "{\"requestId\":\"b\"}")
                            .acceptable())
                    .isTrue();
        }
    }

    @Nested
    class Tallies {

        @Test
        void a_problem_is_tallied_by_status_and_code() {
            assertThat(HostileJudge.problemKey(400, CLEAN_PROBLEM)).isEqualTo("400 invalid-body");
            assertThat(HostileJudge.problemKey(404, "{\"code\" : \"not-found\"}"))
                    .isEqualTo("404 not-found");
        }

        @Test
        void an_error_without_a_code_is_tallied_with_a_dash() {
            assertThat(HostileJudge.problemKey(413, "")).isEqualTo("413 -");
            assertThat(HostileJudge.problemKey(400, "{\"code\":\"" + "c".repeat(81) + "\"}"))
                    .isEqualTo("400 -");
        }

        @Test
        void a_refused_connection_is_a_failure_other_raw_outcomes_are_not() {
            assertThat(HostileJudge.connectFailed("connect-failed: Connection refused"))
                    .isTrue();
            assertThat(HostileJudge.connectFailed("closed")).isFalse();
            assertThat(HostileJudge.connectFailed("timeout")).isFalse();
        }

        @Test
        void a_setup_step_answered_with_a_5xx_is_a_failure_a_4xx_is_a_warning() {
            assertThat(HostileJudge.setupServerError("appointment: 503 {\"status\":503}"))
                    .isTrue();
            assertThat(HostileJudge.setupServerError("appointment: 409 {\"status\":409}"))
                    .isFalse();
            assertThat(HostileJudge.setupServerError("fewer than 4 free slots found; appointments not created"))
                    .isFalse();
        }
    }

    @Nested
    class ReadBack {

        @Test
        void a_set_up_resource_must_still_read_as_an_object() {
            assertThat(HostileJudge.stillReadable(200, json("{\"id\":\"1\"}"))).isTrue();
            assertThat(HostileJudge.stillReadable(404, json("{\"status\":404}")))
                    .isFalse();
            assertThat(HostileJudge.stillReadable(200, json("[]"))).isFalse();
        }

        @Test
        void a_location_that_cannot_be_read_is_exempt_only_on_405() {
            assertThat(HostileJudge.readBackExempt(405)).isTrue();
            assertThat(HostileJudge.readBackExempt(404)).isFalse();
            assertThat(HostileJudge.readBackExempt(200)).isFalse();
        }

        @Test
        void a_created_resource_returning_what_was_written_is_unaltered() {
            JsonNode written = json("{\"nameEn\":\"O'Brien \\u202Eevil\",\"size\":3,\"nested\":{\"a\":\"b\"}}");
            JsonNode read =
                    json("{\"id\":\"9\",\"nameEn\":\"O'Brien \\u202Eevil\",\"size\":4,\"nested\":{\"a\":\"c\"}}");

            assertThat(HostileJudge.alterations(written, read)).isEmpty();
        }

        @Test
        void a_created_resource_returning_a_string_changed_is_altered() {
            JsonNode written = json("{\"nameEn\":\"a\\u0000b\",\"address\":\"same\",\"phone\":\"+1\"}");
            JsonNode read = json("{\"nameEn\":\"ab\",\"address\":\"same\"}");

            assertThat(HostileJudge.alterations(written, read))
                    .containsExactly(new HostileJudge.Alteration("nameEn", "a\u0000b", "ab"));
        }

        @Test
        void a_probe_read_back_as_sent_is_no_mismatch() {
            JsonNode read = json("{\"id\":\"1\",\"names\":{\"nameEn\":\"x\\uD83D\\uDE00y\"}}");

            assertThat(HostileJudge.probeReadBackMismatch(read, "nameEn", "x\uD83D\uDE00y"))
                    .isNull();
            assertThat(HostileJudge.probeReadBackMismatch(read, "absent", "anything"))
                    .isNull();
        }

        @Test
        void a_probe_read_back_changed_is_a_mismatch_found_at_any_depth() {
            JsonNode read = json("{\"id\":\"1\",\"names\":[{\"nameEn\":\"evil.exe\"}]}");

            assertThat(HostileJudge.probeReadBackMismatch(read, "nameEn", "\u202Eevil\u202C.exe"))
                    .isEqualTo("evil.exe");
        }
    }
}
