package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lints the OpenAPI description a client is generated from (the rules a generated client and a
 * reader depend on), and writes it to {@code target/openapi/clinic.json}, from which the
 * {@code clinic-api-client} module generates and compiles a Java client in the same build.
 */
@IntegrationTest
class OpenApiDocumentTest {

    /** Read by clinic-api-client/pom.xml. */
    static final Path DOCUMENT = Path.of("target", "openapi", "clinic.json");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Api api;
    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws IOException {
        api = Api.on(port);
        Api.Response response = api.anonymous().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        document = response.body();
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, response.rawBody(), StandardCharsets.UTF_8);
    }

    @Test
    void everyOperationHasASummaryADescriptionAndOneDeclaredTag() {
        Set<String> tags = new LinkedHashSet<>();
        document.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asString())
                    .as("description of tag " + tag)
                    .isNotBlank();
            tags.add(tag.path("name").asString());
        });
        assertThat(tags).isNotEmpty();

        Set<String> operationIds = new LinkedHashSet<>();
        SoftAssertions softly = new SoftAssertions();
        operations().forEach((name, operation) -> {
            softly.assertThat(operation.path("summary").asString())
                    .as(name + " summary")
                    .isNotBlank();
            softly.assertThat(operation.path("description").asString())
                    .as(name + " description")
                    .isNotBlank();
            softly.assertThat(texts(operation.path("tags")))
                    .as(name + " tags")
                    .hasSize(1)
                    .isSubsetOf(tags);
            String operationId = operation.path("operationId").asString();
            softly.assertThat(operationId)
                    .as(name + " operationId (a generated client's method name)")
                    .matches("[a-z][A-Za-z0-9]*");
            softly.assertThat(operationIds.add(operationId))
                    .as(name + " operationId is unique")
                    .isTrue();
        });
        softly.assertAll();
    }

    @Test
    void everyErrorResponseIsATypedProblemNamingTheCodesItCarries() {
        SoftAssertions softly = new SoftAssertions();
        operations().forEach((name, operation) -> operation
                .path("responses")
                .properties()
                .forEach(entry -> {
                    String status = entry.getKey();
                    JsonNode response = entry.getValue();
                    if (!status.startsWith("4") && !status.startsWith("5")) {
                        return;
                    }
                    String where = name + " " + status;
                    softly.assertThat(response.path("content").propertyNames())
                            .as(where + " content types")
                            .containsExactly(PROBLEM_JSON);
                    softly.assertThat(response.path("content")
                                    .path(PROBLEM_JSON)
                                    .path("schema")
                                    .path("$ref")
                                    .asString())
                            .as(where + " schema")
                            .isEqualTo("#/components/schemas/Problem");
                    List<String> codes = texts(response.path("x-problem-codes"));
                    softly.assertThat(codes).as(where + " x-problem-codes").isNotEmpty();
                    for (String code : codes) {
                        softly.assertThat(hasTitle(code))
                                .as(where + ": code " + code + " has a message")
                                .isTrue();
                    }
                    if (status.equals("429") || status.equals("503")) {
                        softly.assertThat(response.path("headers").has(HttpHeaders.RETRY_AFTER))
                                .as(where + " Retry-After")
                                .isTrue();
                    }
                }));
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        softly.assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "code");
        softly.assertAll();
    }

    @Test
    void noContentIsUntypedAndEverySuccessWithABodyHasASchema() {
        SoftAssertions softly = new SoftAssertions();
        operations().forEach((name, operation) -> {
            operation.path("requestBody").path("content").propertyNames().forEach(type -> softly.assertThat(type)
                    .as(name + " request content type")
                    .isNotEqualTo("*/*"));
            operation.path("responses").properties().forEach(entry -> entry.getValue()
                    .path("content")
                    .properties()
                    .forEach(content -> {
                        softly.assertThat(content.getKey())
                                .as(name + " " + entry.getKey() + " content type")
                                .isNotEqualTo("*/*");
                        softly.assertThat(content.getValue().has("schema"))
                                .as(name + " " + entry.getKey() + " schema")
                                .isTrue();
                    }));
            softly.assertThat(operation.path("responses").propertyNames().stream()
                            .anyMatch(status -> status.startsWith("2")))
                    .as(name + " documents its success")
                    .isTrue();
        });
        softly.assertAll();
    }

    /**
     * The headers the server reads, declared where it reads them: Accept-Language everywhere (it
     * localizes every problem), Idempotency-Key on every POST under /api (the idempotency filter
     * honours it there), If-Match wherever a controller method takes it.
     */
    @Test
    void everyHeaderTheServerReadsIsDeclaredWhereItIsRead() {
        Map<String, Set<String>> readByHandlers = headersTheHandlersRead();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(readByHandlers.keySet())
                .as("handler operations")
                .isEqualTo(operations().keySet());
        operations().forEach((name, operation) -> {
            Set<String> declared = declaredHeaders(operation);
            softly.assertThat(declared).as(name + " headers").contains("Accept-Language");
            if (name.startsWith("POST /api/")) {
                softly.assertThat(declared).as(name + " headers").contains("Idempotency-Key");
            }
            softly.assertThat(declared)
                    .as(name + " declares the headers its method reads")
                    .containsAll(readByHandlers.getOrDefault(name, Set.of()));
        });
        softly.assertAll();
    }

    @Test
    void operationsThatNeedNoTokenSaySoAndNoOthers() {
        Set<String> publicOperations = publicOperationsOfTheAccessMatrix();
        assertThat(publicOperations).contains("POST /api/v1/auth/login", "GET /.well-known/jwks.json");
        assertThat(texts(document.path("security").path(0).path("bearer"))).isEmpty();
        assertThat(document.path("security").path(0).has("bearer"))
                .as("bearer by default")
                .isTrue();

        SoftAssertions softly = new SoftAssertions();
        operations().forEach((name, operation) -> {
            if (publicOperations.contains(name)) {
                softly.assertThat(operation.path("security").isArray()
                                && operation.path("security").isEmpty())
                        .as(name + " security: []")
                        .isTrue();
                // A refused sign-in is a 401 too, but never for want of a token.
                softly.assertThat(texts(operation.path("responses").path("401").path("x-problem-codes")))
                        .as(name + " 401")
                        .doesNotContain("unauthorized");
                softly.assertThat(operation.path("responses").has("403"))
                        .as(name + " 403")
                        .isFalse();
            } else {
                softly.assertThat(operation.has("security"))
                        .as(name + " inherits bearer")
                        .isFalse();
                softly.assertThat(texts(operation.path("responses").path("401").path("x-problem-codes")))
                        .as(name + " 401")
                        .contains("unauthorized");
                softly.assertThat(operation.path("responses").has("403"))
                        .as(name + " 403")
                        .isTrue();
            }
        });
        softly.assertAll();
    }

    @Test
    void theDescriptionAdvertisesOnlyWhatExists() {
        String info = document.path("info").path("description").asString().toLowerCase(Locale.ROOT);
        Set<String> tags = new LinkedHashSet<>(texts(document.path("tags").findValues("name")));
        Set<String> used = operations().values().stream()
                .flatMap(operation -> texts(operation.path("tags")).stream())
                .collect(Collectors.toSet());

        assertThat(tags).as("every tag has operations").isEqualTo(used);
        assertThat(info).doesNotContain("consultation", "analytics", "video", "prepay");
    }

    /** The examples of a new clinic are accepted as they stand. */
    @Test
    void theDocumentedExampleOfANewClinicIsAcceptedAsItStands() {
        ObjectNode example = exampleOf(requestSchema("POST /api/v1/clinics"));

        Api.Response created = api.as(Sessions.admin(api)).post("/api/v1/clinics", example);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json("timeZone").asString())
                .isEqualTo(example.path("timeZone").asString());
    }

    /** The same for a patient registered by staff, at a branch that exists. */
    @Test
    void theDocumentedExampleOfANewPatientIsAcceptedAtARealBranch() {
        String admin = Sessions.admin(api);
        Api.Response clinic = api.as(admin).post("/api/v1/clinics", exampleOf(requestSchema("POST /api/v1/clinics")));
        String clinicId = clinic.json("id").asString();
        Api.Response branch = api.as(admin)
                .post(
                        "/api/v1/clinics/" + clinicId + "/branches",
                        exampleOf(requestSchema("POST /api/v1/clinics/{clinicId}/branches")));
        assertThat(branch.status()).as(branch.toString()).isEqualTo(201);
        ObjectNode example = exampleOf(requestSchema("POST /api/v1/patients"));
        example.put("homeBranchId", branch.json("id").asString());
        // A national id is unique among a clinic's patients; the example's is used once per run.
        ((ObjectNode) example.path("patient"))
                .put("nationalId", "1" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));

        Api.Response created = api.as(admin).post("/api/v1/patients", example);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** And an appointment type of a clinic that exists. */
    @Test
    void theDocumentedExampleOfAnAppointmentTypeIsAcceptedForARealClinic() {
        String admin = Sessions.admin(api);
        Api.Response clinic = api.as(admin).post("/api/v1/clinics", exampleOf(requestSchema("POST /api/v1/clinics")));
        ObjectNode example = exampleOf(requestSchema("POST /api/v1/appointment-types"));
        example.put("clinicId", clinic.json("id").asString());

        Api.Response created = api.as(admin).post("/api/v1/appointment-types", example);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    // --- reading the document -------------------------------------------------------------------

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(
                                method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
                    }
                }));
        return operations;
    }

    private Set<String> declaredHeaders(JsonNode operation) {
        Set<String> headers = new LinkedHashSet<>();
        operation.path("parameters").forEach(parameter -> {
            JsonNode resolved = resolve(parameter);
            if (resolved.path("in").asString().equals("header")) {
                headers.add(resolved.path("name").asString());
            }
        });
        return headers;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (ref.isEmpty()) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private JsonNode requestSchema(String operation) {
        JsonNode schema = operations()
                .get(operation)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        return resolve(schema);
    }

    /** A body assembled from the documented examples of the schema's properties. */
    private ObjectNode exampleOf(JsonNode schema) {
        ObjectNode example = JsonMapper.builder().build().createObjectNode();
        schema.path("properties").properties().forEach(property -> {
            JsonNode definition = resolve(property.getValue());
            if (definition.has("example")) {
                example.set(property.getKey(), definition.path("example"));
            } else if (definition.has("examples")) {
                example.set(property.getKey(), definition.path("examples").path(0));
            } else if (definition.has("properties")) {
                example.set(property.getKey(), exampleOf(definition));
            }
        });
        assertThat(example.propertyNames()).as("examples of " + schema).isNotEmpty();
        return example;
    }

    private boolean hasTitle(String code) {
        try {
            return !messages.getMessage("problem." + code + ".title", null, Locale.ENGLISH)
                    .isBlank();
        } catch (NoSuchMessageException missing) {
            return false;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asString).toList();
    }

    /** Per operation ("POST /api/v1/…"), the request headers its controller method takes. */
    private Map<String, Set<String>> headersTheHandlersRead() {
        Map<String, Set<String>> headers = new HashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("com.clinic")
                    || handler.getBeanType().isAnnotationPresent(io.swagger.v3.oas.annotations.Hidden.class)) {
                continue;
            }
            Set<String> read = new LinkedHashSet<>();
            for (var parameter : handler.getMethodParameters()) {
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (header != null) {
                    read.add(header.name().isEmpty() ? header.value() : header.name());
                }
            }
            for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    headers.put(method.name() + " " + pattern, read);
                }
            }
        }
        return headers;
    }

    private static Set<String> publicOperationsOfTheAccessMatrix() {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/access-matrix.txt")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(words -> words.length == 3 && words[2].equals("public"))
                    .map(words -> words[0] + " " + words[1])
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
