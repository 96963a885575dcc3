package com.clinic.platform.rest;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description: what exists (info and one tag per bounded context), and, for every
 * operation, the parts that follow from the platform's conventions rather than from the controller
 * method itself. Each is derived from the code, not listed per endpoint:
 *
 * <ul>
 *   <li>error responses as {@code application/problem+json} with the problem {@code code}s they can
 *       carry ({@code x-problem-codes}): the framework's codes the operation's shape allows (a body,
 *       an If-Match, a POST with an idempotency key …), and the business codes that the operation's
 *       context, and the contexts it calls, raise with that status, read from their bytecode
 *       ({@link CodeFacts});
 *   <li>the success statuses the method builds (201, 202, 204 rather than springdoc's default 200),
 *       with {@code ETag} where it sets one and {@code Location} on 201;
 *   <li>the request headers the server reads: {@code Accept-Language} everywhere (problems and
 *       notifications are localized), {@code Idempotency-Key} on every POST under {@code /api}
 *       ({@link IdempotencyFilter}), {@code If-Match} where the method takes it (required where it
 *       answers 428 without), {@code Retry-After} on 429 and 503.
 * </ul>
 *
 * Operations that need no token carry springdoc's {@link SecurityRequirements} with no requirement,
 * which the description shows as {@code security: []}; they get no 401 or 403.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final String PROBLEM_CODES = "x-problem-codes";
    static final String BEARER = "bearer";

    /** The bounded contexts as tags, in the order a reader meets them. */
    public static final Map<String, String> TAGS = tags();

    private static final String ACCEPT_LANGUAGE = "Accept-Language";
    private static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;
    private static final String EVENT_STREAM = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE;

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("identity", "Sign-in, tokens, patient self-registration, the caller's account and staff accounts.");
        tags.put("directory", "Clinics, branches, doctors and patient records.");
        tags.put(
                "scheduling-availability",
                "Scheduling: appointment types, doctors' schedules, branch holidays and the free slots they leave.");
        tags.put(
                "scheduling-appointments",
                "Scheduling: holds, bookings, series, the visit's steps, agendas and calendars.");
        tags.put("scheduling-queue", "Scheduling: the walk-in queue of a doctor at a branch, with live streams.");
        tags.put("scheduling-waitlist", "Scheduling: the waiting list and its offers of freed slots.");
        tags.put(
                "notifications",
                "The caller's in-app notifications (live), push devices and preferences; a patient's notification history; delivery counts, dead letters and redrives.");
        tags.put(
                "payments-invoices",
                "Payments: invoices per visit and at the desk, their ledger, cash, card-terminal and online card payments (Stripe), credits and refunds by the clinic's policy.");
        tags.put("audit", "The audit trail of every event, for auditors and administrators.");
        tags.put("operations", "Projection replays, dead letters and write-side claims, for administrators.");
        return java.util.Collections.unmodifiableMap(tags);
    }

    @Bean
    OpenAPI clinicOpenApi() {
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title("Clinic backend API")
                        .version("v1")
                        .description(
                                """
                                Accounts and sign-in (identity); clinics, branches, doctors and patients \
                                (directory); appointment types, schedules, free slots, appointments, the \
                                walk-in queue and the waiting list (scheduling); notifications (the in-app \
                                inbox, devices, preferences and delivery history); invoices, desk and card \
                                payments, credits and refunds (payments); the audit trail; and operations \
                                for administrators. Nothing else exists yet.

                                Every error is an RFC 9457 problem (`application/problem+json`) whose \
                                `code` is stable; each error response lists the codes it can carry in \
                                `x-problem-codes`. POSTs honour `Idempotency-Key`; versioned resources carry \
                                an `ETag`, which `If-Match` names on updates. `Accept-Language: ar` or `en` \
                                chooses the language of problems and notifications.""")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The accessToken that POST /api/v1/auth/login answers with."))
                        .addSchemas("Problem", problemSchema())
                        .addParameters(ACCEPT_LANGUAGE, acceptLanguage())
                        .addParameters(IdempotencyFilter.HEADER, idempotencyKey())
                        .addHeaders(HttpHeaders.ETAG, header("The resource's version, for a later If-Match.", "\"3\""))
                        .addHeaders(HttpHeaders.LOCATION, header("Where the created resource is read.", null))
                        .addHeaders(
                                IdempotencyFilter.REPLAYED,
                                header(
                                        "true when this is the stored response to an earlier request with the same Idempotency-Key.",
                                        "true"))
                        .addHeaders(RETRY_AFTER, header("Seconds to wait before trying again.", "1")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        TAGS.forEach((name, description) -> api.addTagsItem(new Tag().name(name).description(description)));
        return api;
    }

    @Bean
    OperationCustomizer apiConventions() {
        return new Conventions(SingletonSupplier.of(CodeFacts::ofClassPath));
    }

    private static Schema<?> type(String type) {
        return new JsonSchema().types(Set.of(type));
    }

    private static Schema<?> ref(String name) {
        return new JsonSchema().$ref("#/components/schemas/" + name);
    }

    private static Schema<?> problemSchema() {
        Schema<?> error = type("object")
                .addProperty("field", type("string").description("The request field or parameter."))
                .addProperty("message", type("string").description("What is wrong with it, localized."));
        return type("object")
                .description(
                        "An RFC 9457 problem. `code` is stable and machine-readable; title and detail are localized.")
                .addProperty("type", type("string").format("uri").example(ProblemWriter.TYPE_BASE + "validation"))
                .addProperty("title", type("string"))
                .addProperty("status", type("integer").format("int32"))
                .addProperty("detail", type("string"))
                .addProperty("instance", type("string").format("uri-reference"))
                .addProperty("code", type("string").example("validation"))
                .addProperty(
                        "requestId",
                        type("string").description("Quote it to support: it names the request in the logs."))
                .addProperty(
                        "errors",
                        type("array").items(error).description("For code validation: every field that was refused."))
                .required(List.of("type", "title", "status", "code"));
    }

    private static Parameter acceptLanguage() {
        return new Parameter()
                .in("header")
                .name(ACCEPT_LANGUAGE)
                .required(false)
                .description("The language of problems and notifications: ar or en (the default).")
                .schema(type("string").example("ar"));
    }

    private static Parameter idempotencyKey() {
        return new Parameter()
                .in("header")
                .name(IdempotencyFilter.HEADER)
                .required(false)
                .description(
                        """
                        Makes the POST safe to retry: a retry with the same key and the same request \
                        gets the first response again (Idempotent-Replayed: true) and changes nothing; \
                        the same key with another request is refused with 422 idempotency.key-reused, \
                        and a retry while the first is still running with 409 idempotency.in-progress. \
                        Keys are scoped to the caller; 1 to 255 visible ASCII characters. Responses \
                        that carry tokens (Cache-Control: no-store) are not stored: such a retry runs \
                        again.""")
                .schema(type("string").example("7d0c6c1e-5a8b-4f11-9a61-3c2f0f4e2b9d"));
    }

    private static Header header(String description, String example) {
        Schema<?> schema = type("string");
        if (example != null) {
            schema.example(example);
        }
        return new Header().description(description).schema(schema);
    }

    /** The one operation customizer: see the class comment. */
    static final class Conventions implements OperationCustomizer {

        private final Supplier<CodeFacts> facts;
        private volatile Map<String, Set<String>> contextsUsed;

        Conventions(Supplier<CodeFacts> facts) {
            this.facts = facts;
        }

        @Override
        public Operation customize(Operation operation, HandlerMethod handler) {
            Method method = handler.getMethod();
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
            if (mapping == null) {
                return operation;
            }
            Shape shape = Shape.of(operation, handler, mapping);
            CodeFacts.Handler built = facts.get().handler(method);
            if (shape.isPublic()) {
                operation.setSecurity(new ArrayList<>());
            }
            headers(operation, shape, built);
            ApiResponses responses =
                    Optional.ofNullable(operation.getResponses()).orElseGet(ApiResponses::new);
            operation.setResponses(responses);
            successes(responses, shape, built);
            problems(responses, codes(shape, built, method));
            return operation;
        }

        private static void headers(Operation operation, Shape shape, CodeFacts.Handler built) {
            List<Parameter> parameters = new ArrayList<>(
                    Optional.ofNullable(operation.getParameters()).orElseGet(List::of));
            // If-None-Match: * is the other basis a PUT may state (creating), so then neither is required alone.
            boolean ifMatchRequired = built.requiresIfMatch()
                    && parameters.stream().noneMatch(p -> HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(p.getName()));
            for (Parameter parameter : parameters) {
                if (!"header".equals(parameter.getIn())) {
                    continue;
                }
                if (HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
                    parameter.setRequired(ifMatchRequired);
                    parameter.setDescription(
                            built.requiresIfMatch()
                                    ? "The ETag this change is based on (412 stale-version when it is no longer current), or * for whatever is there; 428 without."
                                    : "Optional: the ETag this change is based on; 412 stale-version when it is no longer current.");
                    parameter.setSchema(type("string").example("\"1\""));
                } else if (HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(parameter.getName())) {
                    parameter.setDescription("* to create the resource only if it does not exist yet.");
                    parameter.setSchema(type("string").example("*"));
                }
            }
            parameters.add(new Parameter().$ref("#/components/parameters/" + ACCEPT_LANGUAGE));
            if (shape.idempotent()) {
                parameters.add(new Parameter().$ref("#/components/parameters/" + IdempotencyFilter.HEADER));
            }
            operation.setParameters(parameters);
        }

        /** The statuses the method builds, each with the body springdoc found and the headers it sets. */
        private static void successes(ApiResponses responses, Shape shape, CodeFacts.Handler built) {
            ApiResponse generated = responses.get("200");
            if (!built.statuses().isEmpty()) {
                if (!built.statuses().contains(200)) {
                    responses.remove("200");
                }
                for (int status : built.statuses()) {
                    ApiResponse response = Optional.ofNullable(responses.get(String.valueOf(status)))
                            .orElseGet(() -> new ApiResponse()
                                    .description(HttpStatus.valueOf(status).getReasonPhrase()));
                    if (status != 204 && generated != null && response.getContent() == null) {
                        response.setContent(generated.getContent());
                    }
                    if (status == 204) {
                        response.setContent(null);
                    }
                    responses.addApiResponse(String.valueOf(status), response);
                }
            }
            responses.forEach((status, response) -> {
                if (!status.startsWith("2")) {
                    return;
                }
                if (response.getContent() != null && response.getContent().containsKey(EVENT_STREAM)) {
                    // Not the emitter's Java fields: a stream of text events, each described by the operation.
                    response.getContent()
                            .get(EVENT_STREAM)
                            .setSchema(type("string").description("Server-Sent Events (text/event-stream)."));
                }
                if ("OK".equals(response.getDescription()) || response.getDescription() == null) {
                    response.setDescription(
                            HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase());
                }
                if (built.setsETag()) {
                    response.addHeaderObject(HttpHeaders.ETAG, headerRef(HttpHeaders.ETAG));
                }
                if (status.equals("201")) {
                    response.addHeaderObject(HttpHeaders.LOCATION, headerRef(HttpHeaders.LOCATION));
                }
                if (shape.idempotent()) {
                    response.addHeaderObject(IdempotencyFilter.REPLAYED, headerRef(IdempotencyFilter.REPLAYED));
                }
            });
        }

        private SortedMap<Integer, Set<String>> codes(Shape shape, CodeFacts.Handler built, Method method) {
            SortedMap<Integer, Set<String>> codes = new TreeMap<>();
            add(codes, 400, "bad-request");
            if (shape.hasParameters() || shape.hasBody()) {
                add(codes, 400, "validation");
            }
            if (shape.hasBody()) {
                add(codes, 400, "malformed-json", "unreadable-body");
                add(codes, 413, "body-too-large");
                add(codes, 415, "unsupported-media-type");
            }
            if (shape.idempotent()) {
                add(codes, 400, "idempotency.invalid-key");
                add(codes, 409, "idempotency.in-progress");
                add(codes, 422, "idempotency.key-reused");
            }
            if (!shape.isPublic()) {
                add(codes, 401, "unauthorized");
                add(codes, 403, "forbidden");
            }
            if (shape.hasPathVariables()) {
                add(codes, 404, "not-found");
            }
            if (!shape.reads()) {
                add(codes, 409, "concurrent-modification");
                add(codes, 503, "writes-paused-for-replay");
            }
            if (shape.hasIfMatch()) {
                add(codes, 412, "stale-version");
            }
            if (built.requiresIfMatch()) {
                add(codes, 428, "precondition-required");
            }
            add(codes, 500, "internal");
            add(codes, 503, "service-unavailable");
            Set<String> contexts = contextsUsed().getOrDefault(shape.context(), Set.of(shape.context()));
            for (CodeFacts.Raised raised : facts.get().raised()) {
                if (raised.code().startsWith("page.")) {
                    if (shape.paged()) {
                        add(codes, raised.status(), raised.code());
                    }
                } else if (raised.code().startsWith("etag.")) {
                    if (shape.hasIfMatch()) {
                        add(codes, raised.status(), raised.code());
                    }
                } else if (contexts.contains(CodeFacts.context(raised.className()))) {
                    add(codes, raised.status(), raised.code());
                }
            }
            for (ProblemResponse declared :
                    AnnotatedElementUtils.findMergedRepeatableAnnotations(method, ProblemResponse.class)) {
                add(codes, declared.status(), declared.codes());
            }
            return codes;
        }

        /**
         * The contexts whose codes an operation of a context can answer with: its own and those its
         * classes call, transitively (scheduling calls the directory, which calls identity). The
         * platform's own codes are added by the operation's shape instead, except for its own
         * operations.
         */
        private Map<String, Set<String>> contextsUsed() {
            Map<String, Set<String>> used = contextsUsed;
            if (used == null) {
                Map<String, Set<String>> direct = facts.get().contextCalls();
                used = new HashMap<>();
                for (String context : direct.keySet()) {
                    Set<String> reached = new TreeSet<>(Set.of(context));
                    List<String> pending = new ArrayList<>(List.of(context));
                    while (!pending.isEmpty()) {
                        for (String next : direct.getOrDefault(pending.removeLast(), Set.of())) {
                            if (!next.equals("platform") && reached.add(next)) {
                                pending.add(next);
                            }
                        }
                    }
                    used.put(context, Set.copyOf(reached));
                }
                contextsUsed = used;
            }
            return used;
        }

        private static void problems(ApiResponses responses, SortedMap<Integer, Set<String>> codes) {
            codes.forEach((status, problemCodes) -> {
                String key = String.valueOf(status);
                ApiResponse response = Optional.ofNullable(responses.get(key)).orElseGet(ApiResponse::new);
                List<String> sorted = problemCodes.stream().sorted().toList();
                // The codes are listed once, in the extension; Swagger UI shows it (show-extensions).
                response.setDescription(
                        HttpStatus.valueOf(status).getReasonPhrase() + ": a problem whose code is one of "
                                + PROBLEM_CODES + (sorted.size() <= 3 ? " (" + String.join(", ", sorted) + ")." : "."));
                response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem"))));
                response.addExtension(PROBLEM_CODES, sorted);
                if (status == 429 || status == 503) {
                    response.addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER));
                }
                if (status == 401) {
                    response.addHeaderObject(
                            HttpHeaders.WWW_AUTHENTICATE,
                            new Header()
                                    .description("Bearer")
                                    .schema(type("string").example("Bearer")));
                }
                responses.addApiResponse(key, response);
            });
        }

        private static Header headerRef(String name) {
            return new Header().$ref("#/components/headers/" + name);
        }

        private static void add(Map<Integer, Set<String>> codes, int status, String... added) {
            codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(Arrays.asList(added));
        }
    }

    /** What an operation looks like from outside: its method, parameters and security. */
    record Shape(
            String context,
            boolean reads,
            boolean idempotent,
            boolean isPublic,
            boolean hasBody,
            boolean hasParameters,
            boolean hasPathVariables,
            boolean hasIfMatch,
            boolean paged) {

        static Shape of(Operation operation, HandlerMethod handler, RequestMapping mapping) {
            Set<RequestMethod> verbs = new HashSet<>(Arrays.asList(mapping.method()));
            boolean reads = !verbs.isEmpty()
                    && Set.of(RequestMethod.GET, RequestMethod.HEAD).containsAll(verbs);
            RequestMapping type =
                    AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
            String path = first(type) + first(mapping);
            List<Parameter> parameters =
                    Optional.ofNullable(operation.getParameters()).orElseGet(List::of);
            boolean body = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            return new Shape(
                    CodeFacts.context(handler.getBeanType().getName()),
                    reads,
                    path.startsWith("/api/") && verbs.contains(RequestMethod.POST),
                    AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SecurityRequirements.class)
                            || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), SecurityRequirements.class),
                    body,
                    parameters.stream().anyMatch(p -> !"header".equals(p.getIn())),
                    parameters.stream().anyMatch(p -> "path".equals(p.getIn())),
                    parameters.stream()
                            .anyMatch(p ->
                                    "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName())),
                    parameters.stream()
                            .anyMatch(p -> "query".equals(p.getIn())
                                    && Set.of("limit", "after").contains(p.getName())));
        }

        private static String first(RequestMapping mapping) {
            return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
        }
    }
}
