package com.clinic.bench.drills;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The operations of an OpenAPI 3.x document, and plausible request bodies built from their schemas. */
final class OpenApi {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    record Param(String name, String in, JsonNode schema, boolean required) {
        String format() {
            return schema.path("format").asString("");
        }

        String type() {
            return OpenApi.type(schema);
        }
    }

    record Operation(String method, String path, List<Param> params, JsonNode body) {
        String key() {
            return method + " " + path;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }
    }

    private final JsonNode root;
    private final List<Operation> operations;

    OpenApi(JsonNode root) {
        this.root = root;
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters").values()) {
                    JsonNode resolved = resolve(p);
                    params.add(new Param(
                            resolved.path("name").asString(),
                            resolved.path("in").asString(),
                            resolve(resolved.path("schema")),
                            resolved.path("required").asBoolean(false)));
                }
                JsonNode body = null;
                JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
                if (content.isObject() && !content.isEmpty()) {
                    JsonNode media = content.has("application/json")
                            ? content.get("application/json")
                            : content.values().iterator().next();
                    body = resolve(media.path("schema"));
                }
                found.add(
                        new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(params), body));
            }
        }
        found.sort(Comparator.comparing(Operation::key));
        this.operations = List.copyOf(found);
    }

    List<Operation> operations() {
        return operations;
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type.values()) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    /** Real ids and values the world offers by field or parameter name; null when it has none. */
    interface Values {
        String real(String name, Random random);

        String slotStart(Random random);
    }

    /** A plausible instance of a schema: real ids where the field name says so, sensible values elsewhere. */
    JsonNode sample(JsonNode schema, String name, Values values, Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode s = resolve(schema);
        if (depth > 8) {
            return f.nullNode();
        }
        if (s.has("allOf")) {
            ObjectNode merged = f.objectNode();
            for (JsonNode part : s.get("allOf").values()) {
                JsonNode sampled = sample(part, name, values, random, depth + 1);
                if (sampled instanceof ObjectNode o) {
                    merged.setAll(o);
                }
            }
            return merged;
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            JsonNode options = s.has("oneOf") ? s.get("oneOf") : s.get("anyOf");
            return sample(options.get(0), name, values, random, depth + 1);
        }
        if (s.has("enum") && s.get("enum").isArray() && !s.get("enum").isEmpty()) {
            JsonNode options = s.get("enum");
            return options.get(random.nextInt(options.size()));
        }
        switch (type(s)) {
            case "object" -> {
                ObjectNode object = f.objectNode();
                List<String> required = new ArrayList<>();
                s.path("required").values().forEach(r -> required.add(r.asString()));
                for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
                    // Booleans always: the server binds them to primitives and refuses them missing.
                    boolean flag = "boolean".equals(type(resolve(property.getValue())));
                    if (required.contains(property.getKey()) || flag || random.nextInt(10) < 8) {
                        object.set(
                                property.getKey(),
                                sample(property.getValue(), property.getKey(), values, random, depth + 1));
                    }
                }
                // A period ends an hour after it starts.
                if (object.path("start").isString() && object.path("end").isString()) {
                    try {
                        java.time.Instant start =
                                java.time.Instant.parse(object.get("start").asString());
                        object.put(
                                "end", start.plus(java.time.Duration.ofHours(1)).toString());
                    } catch (java.time.format.DateTimeParseException notAnInstant) {
                        // times of day, not instants
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = f.arrayNode();
                int min = s.path("minItems").asInt(1);
                int count = Math.max(1, min);
                String itemName = name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
                if ("workingDays".equals(name)) {
                    for (String day :
                            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                        array.add(day);
                    }
                    return array;
                }
                for (int i = 0; i < count; i++) {
                    array.add(sample(s.path("items"), itemName, values, random, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = s.path("minimum").asLong(0);
                long max = s.path("maximum").asLong(Math.max(min, 60));
                long value = min + (max > min ? Math.floorMod(random.nextLong(), Math.min(max - min + 1, 120)) : 0);
                return f.numberNode(value);
            }
            case "number" -> {
                return f.numberNode(100 + random.nextInt(400));
            }
            case "boolean" -> {
                // Consent to treatment and data processing is what registration requires.
                return f.booleanNode("treatment".equals(name) || "dataProcessing".equals(name) || random.nextBoolean());
            }
            default -> {
                return f.stringNode(string(s, name, values, random));
            }
        }
    }

    private static String string(JsonNode s, String name, Values values, Random random) {
        String format = s.path("format").asString("");
        String n = name == null ? "" : name;
        String real = values.real(n, random);
        if (real != null) {
            return real;
        }
        if ("uuid".equals(format)) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (n.equals("start") && "date-time".equals(format)) {
            return values.slotStart(random);
        }
        if ("date-time".equals(format)) {
            return java.time.Instant.now()
                    .plus(java.time.Duration.ofDays(20 + random.nextInt(20)))
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                    .toString();
        }
        if (n.toLowerCase(Locale.ROOT).contains("birth")) {
            return "1985-06-15";
        }
        if (n.endsWith("Phone")) {
            return "+96650" + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
        }
        if ("date".equals(format)) {
            return java.time.LocalDate.now()
                    .plusDays(n.equals("to") || n.equals("effectiveTo") ? 30 : 1)
                    .toString();
        }
        if ("email".equals(format) || n.toLowerCase(Locale.ROOT).contains("email")) {
            return "fuzz." + Integer.toUnsignedString(random.nextInt()) + "@example.com";
        }
        return switch (n) {
            case "phone" -> "+96650" + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
            case "timeZone" -> "Asia/Riyadh";
            case "currency" -> "SAR";
            case "specialty", "specialtie" -> "cardiology";
            case "language", "languages" -> "ar";
            case "start", "from" -> "09:00";
            case "end", "to" -> "13:00";
            case "password", "newPassword", "currentPassword" -> "Fuzz-Passw0rd-" + random.nextInt(1_000_000);
            case "login" -> "nobody." + Integer.toUnsignedString(random.nextInt()) + "@example.com";
            case "token", "refreshToken" -> "tok" + Long.toUnsignedString(random.nextLong(), 36);
            case "nationalId", "passportNumber" -> String.format(Locale.ROOT, "1%09d", random.nextInt(1_000_000_000));
            case "preferredLanguage" -> random.nextBoolean() ? "ar" : "en";
            default -> {
                if (n.endsWith("Ar")) {
                    yield "\u0627\u062E\u062A\u0628\u0627\u0631 " + random.nextInt(1000);
                }
                yield "Fuzz " + n + " " + random.nextInt(1000);
            }
        };
    }
}
