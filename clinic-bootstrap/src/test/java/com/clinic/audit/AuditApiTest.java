package com.clinic.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail over HTTP with real security (identity's bearer tokens, through
 * {@link Sessions}): who may read it, what an event looks like on the wire, paging, and that every
 * malformed filter is a 400 problem naming the parameter. Events come from identity's own commands
 * (an administrator inviting staff), so they carry the metadata a real request stamps.
 */
@IntegrationTest
class AuditApiTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void connect() {
        api = Api.on(port);
    }

    @Test
    void anAuditorSeesAnAccountsHistoryWithWhoCausedEachEvent() {
        Sessions.Session admin = Sessions.staff(api, Role.ADMIN, null, null);
        Sessions.Session invited = Sessions.staff(api, admin.accessToken(), Role.AUDITOR, null, null);
        Api auditor = api.as(invited.accessToken());

        Api.Response response = auditor.get("/api/v1/audit/aggregates/user-account/" + invited.userId() + "/events");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json("aggregateType").asString()).isEqualTo("UserAccountAggregate");
        assertThat(response.json("aggregateAlias").asString()).isEqualTo("user-account");
        assertThat(response.json("aggregateId").asString())
                .isEqualTo(invited.userId().toString());
        JsonNode events = response.json("events");
        assertThat(events.size()).isGreaterThanOrEqualTo(2);
        assertThat(response.json("version").asLong()).isEqualTo(events.size() - 1L);
        JsonNode invitation = events.get(0);
        assertThat(invitation.path("sequenceNumber").asLong()).isZero();
        assertThat(invitation.path("eventType").asString()).isEqualTo("StaffAccountInvited");
        assertThat(invitation.path("payloadType").asString()).endsWith("UserAccountEvent$StaffAccountInvited");
        assertThat(invitation.path("globalIndex").asLong()).isPositive();
        assertThat(invitation.path("eventId").asString()).isNotBlank();
        assertThat(invitation.path("timestamp").asString()).endsWith("Z");
        assertThat(invitation.path("payload").path("role").asString()).isEqualTo("AUDITOR");
        JsonNode metadata = invitation.path("metadata");
        assertThat(metadata.path("userId").asString()).isEqualTo(admin.userId().toString());
        assertThat(metadata.path("role").asString()).isEqualTo("ADMIN");
        assertThat(metadata.path("requestId").asString()).isNotBlank();
        assertThat(metadata.path("correlationId").asString()).isNotBlank();
        assertThat(metadata.path("clientAddress").asString()).isNotBlank();
        assertThat(events.get(1).path("eventType").asString()).isEqualTo("AccountActivated");

        assertThat(auditor.get("/api/v1/audit/aggregates/UserAccountAggregate/" + invited.userId() + "/events")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAuditorsAndAdministratorsMayReadTheTrail() {
        String path = "/api/v1/audit/events?limit=1";
        UUID clinicId = AvailabilityTestData.newSite(api.as(Sessions.admin(api)), "Asia/Riyadh")
                .clinicId();
        Sessions.Session manager = Sessions.staff(api, Role.MANAGER, clinicId, null);

        assertThat(api.as(Sessions.admin(api)).get(path).status()).isEqualTo(200);
        assertThat(api.as(manager.accessToken()).get(path).status()).isEqualTo(403);
        assertThat(api.as(manager.accessToken()).get(path).json("code").asString())
                .isEqualTo("forbidden");
        assertThat(api.anonymous().get(path).status()).isEqualTo(401);
        assertThat(api.as(manager.accessToken())
                        .get("/api/v1/audit/aggregates/user-account/" + manager.userId() + "/events")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anUnknownAggregateOrAMismatchedTypeIsALocalizedNotFoundProblem() {
        Sessions.Session auditor = Sessions.staff(api, Role.AUDITOR, null, null);
        Api as = api.as(auditor.accessToken());

        Api.Response unknown = as.get("/api/v1/audit/aggregates/user-account/" + UUID.randomUUID() + "/events");
        Api.Response mismatched = as.get("/api/v1/audit/aggregates/patient/" + auditor.userId() + "/events");
        Api.Response arabic = as.header("Accept-Language", "ar")
                .get("/api/v1/audit/aggregates/patient/" + auditor.userId() + "/events");

        for (Api.Response response : List.of(unknown, mismatched, arabic)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json("code").asString()).isEqualTo("audit.aggregate-not-found");
        }
        assertThat(arabic.json("title").asString()).isEqualTo("السجل غير موجود");
    }

    @Test
    void theGlobalStreamIsFilteredByActingUserAndPagedByGlobalIndex() {
        Sessions.Session admin = Sessions.staff(api, Role.ADMIN, null, null);
        for (int i = 0; i < 3; i++) {
            Sessions.staff(api, admin.accessToken(), Role.AUDITOR, null, null);
        }
        Api auditor = api.as(Sessions.admin(api));
        String filter = "/api/v1/audit/events?userId=" + admin.userId() + "&aggregateType=user-account"
                + "&eventType=StaffAccountInvited";
        await().atMost(PROJECTION_LAG)
                .untilAsserted(() ->
                        assertThat(auditor.get(filter).json("items").size()).isEqualTo(3));

        List<Long> seen = new ArrayList<>();
        String next = filter + "&limit=2";
        int pages = 0;
        while (next != null) {
            Api.Response page = auditor.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.json("items").forEach(item -> {
                assertThat(item.path("metadata").path("userId").asString())
                        .isEqualTo(admin.userId().toString());
                seen.add(item.path("globalIndex").asLong());
            });
            pages++;
            JsonNode cursor = page.json("nextCursor");
            next = cursor.isNull() || cursor.isMissingNode() ? null : filter + "&limit=2&after=" + cursor.asString();
        }

        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(3).isSorted().doesNotHaveDuplicates();
        String fullName = URLEncoder.encode(
                "com.clinic.identity.domain.UserAccountEvent$StaffAccountInvited", StandardCharsets.UTF_8);
        assertThat(auditor.get("/api/v1/audit/events?userId=" + admin.userId() + "&eventType=" + fullName)
                        .json("items")
                        .size())
                .isEqualTo(3);
        assertThat(auditor.get("/api/v1/audit/events?userId=" + admin.userId() + "&to=2001-01-01T00:00:00Z")
                        .json("items")
                        .size())
                .isZero();
    }

    @Test
    void everyMalformedFilterIsABadRequestProblemNamingTheParameter() {
        Api auditor = api.as(Sessions.staff(api, Role.AUDITOR, null, null).accessToken());

        assertBadParameter(auditor, "from=yesterday", "from");
        assertBadParameter(auditor, "to=2026-13-45T00:00:00Z", "to");
        assertBadParameter(auditor, "userId=not-a-uuid", "userId");
        assertBadParameter(auditor, "limit=0", "limit");
        assertBadParameter(auditor, "limit=201", "limit");
        assertBadParameter(auditor, "limit=many", "limit");
        assertBadParameter(auditor, "after=-1", "after");
        assertBadParameter(auditor, "after=x", "after");
        assertBadParameter(auditor, "aggregateType=drop%20table", "aggregateType");
        assertBadParameter(auditor, "eventType=a%3Bb", "eventType");

        Api.Response inverted = auditor.get("/api/v1/audit/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(inverted.status()).isEqualTo(422);
        assertThat(inverted.json("code").asString()).isEqualTo("audit.time-range-inverted");

        Api.Response longId = auditor.get("/api/v1/audit/aggregates/user-account/" + "x".repeat(300) + "/events");
        assertThat(longId.status()).isEqualTo(400);
        Api.Response badType = auditor.get("/api/v1/audit/aggregates/user%20account/abc/events");
        assertThat(badType.status()).isEqualTo(400);
    }

    @Test
    void offsetTimesAreAcceptedAndTheLimitDefaultsToFifty() {
        Api auditor = api.as(Sessions.admin(api));

        Api.Response response = auditor.get("/api/v1/audit/events?from=2000-01-01T00:00:00%2B02:00");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json("items").size()).isLessThanOrEqualTo(50);
    }

    private static void assertBadParameter(Api auditor, String query, String parameter) {
        Api.Response response = auditor.get("/api/v1/audit/events?" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.json("code").asString()).as(query).isEqualTo("validation");
        List<String> fields = new ArrayList<>();
        response.json("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(query).containsExactly(parameter);
    }
}
