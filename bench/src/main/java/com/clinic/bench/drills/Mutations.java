package com.clinic.bench.drills;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a plausible JSON body into a hostile one: a field with the wrong type or a hostile string,
 * a missing or extra field, the whole body replaced, nesting 10,000 levels deep, megabyte strings
 * and huge arrays, broken syntax, invalid UTF-8, another charset or another content type.
 */
final class Mutations {

    /** The bytes to send, their content type (null: none), whether to stream them chunked, and what was done. */
    record Body(byte[] bytes, String contentType, boolean chunked, String label) {}

    private static final List<String> EXTRA_FIELDS = List.of(
            "__proto__",
            "constructor",
            "@class",
            "$type",
            "id",
            "version",
            "role",
            "isAdmin",
            "admin",
            "a".repeat(1_000),
            "",
            "\u0000",
            "patientId",
            "userId",
            "clinicId",
            "status",
            "createdAt");

    private final JsonMapper json;
    private final Random random;
    private final Map<String, String> raw = new LinkedHashMap<>();

    Mutations(JsonMapper json, Random random) {
        this.json = json;
        this.random = random;
    }

    private String rawToken(String token) {
        String placeholder = "@@RAW" + raw.size() + "@@";
        raw.put(placeholder, token);
        return placeholder;
    }

    private String serialize(JsonNode node) {
        // Bytes, not a String: Jackson escapes an unpaired surrogate there, where String.getBytes
        // would silently turn it into "?" and the hostile value would never reach the server.
        String text = new String(json.writeValueAsBytes(node), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            text = text.replace("\"" + e.getKey() + "\"", e.getValue());
        }
        return text;
    }

    private Body utf8(String text, String label) {
        return new Body(text.getBytes(StandardCharsets.UTF_8), "application/json", false, label);
    }

    /** A location in the tree: an object's field or an array's element. */
    private record Slot(JsonNode parent, String field, int index) {
        String name() {
            return field != null ? field : "item";
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else if (parent instanceof ArrayNode a) {
                a.set(index, value);
            }
        }

        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            for (String name : List.copyOf(o.propertyNames())) {
                slots.add(new Slot(o, name, -1));
                collect(o.get(name), slots);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i));
                collect(a.get(i), slots);
            }
        }
    }

    private Slot anySlot(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    private Slot stringSlot(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        List<Slot> strings = slots.stream().filter(s -> s.get().isString()).toList();
        if (!strings.isEmpty()) {
            return strings.get(random.nextInt(strings.size()));
        }
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    /** A hostile version of a body that the operation expects to be JSON. */
    Body mutate(JsonNode base) {
        JsonNode root = base.deepCopy();
        int roll = random.nextInt(100);
        if (roll < 10) {
            return utf8(serialize(root), "body=plausible");
        }
        if (roll < 38) {
            Slot slot = anySlot(root);
            if (slot == null) {
                return extraField(root);
            }
            String label;
            if (random.nextInt(100) < 45) {
                String token = Hostile.pick(random, Hostile.RAW_TOKENS);
                slot.set(JsonNodeFactory.instance.stringNode(rawToken(token)));
                label = "body." + slot.name() + "=raw:" + abbreviate(token);
            } else {
                String value = Hostile.forField(random, slot.name(), null);
                slot.set(JsonNodeFactory.instance.stringNode(value));
                label = "body." + slot.name() + "=" + abbreviate(value);
            }
            return utf8(serialize(root), label);
        }
        if (roll < 45) {
            Slot slot = anySlot(root);
            if (slot != null && slot.parent() instanceof ObjectNode o) {
                o.remove(slot.field());
                return utf8(serialize(root), "body.missing=" + slot.field());
            }
            return utf8(serialize(root), "body=plausible");
        }
        if (roll < 50) {
            return extraField(root);
        }
        if (roll < 55) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            slots.forEach(s -> s.set(JsonNodeFactory.instance.nullNode()));
            return utf8(serialize(root), "body=all-null");
        }
        if (roll < 62) {
            String plain = serialize(root);
            String replaced = Hostile.pick(
                    random,
                    List.of(
                            "null",
                            "[]",
                            "\"x\"",
                            "42",
                            "{}",
                            "true",
                            "[{}]",
                            "[" + plain + "]",
                            plain + plain,
                            " ",
                            "\"" + plain.replace("\"", "\\\"") + "\""));
            return utf8(replaced, "body=replaced:" + abbreviate(replaced));
        }
        if (roll < 66) {
            int depth = random.nextInt(3) == 0 ? 1_000 : 10_000 + random.nextInt(40_000);
            boolean arrays = random.nextBoolean();
            StringBuilder deep = new StringBuilder(depth * 6);
            for (int i = 0; i < depth; i++) {
                deep.append(arrays ? "[" : "{\"a\":");
            }
            deep.append("1");
            for (int i = 0; i < depth; i++) {
                deep.append(arrays ? "]" : "}");
            }
            Slot slot = anySlot(root);
            if (slot != null && random.nextBoolean()) {
                slot.set(JsonNodeFactory.instance.stringNode(rawToken(deep.toString())));
                return utf8(serialize(root), "body." + slot.name() + "=nested:" + depth);
            }
            return utf8(deep.toString(), "body=nested:" + depth);
        }
        if (roll < 69) {
            int size = (2 + random.nextInt(4)) * 1_048_576;
            return hugeString(root, size, "body=huge-string:" + size);
        }
        if (roll < 72) {
            int size = 400_000 + random.nextInt(500_000);
            return hugeString(root, size, "body=large-string:" + size);
        }
        if (roll < 75) {
            int count = 50_000 + random.nextInt(150_000);
            StringBuilder array = new StringBuilder(count * 4).append('[');
            String element = Hostile.pick(random, List.of("1", "\"MONDAY\"", "null", "{}", "[]"));
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append(element);
            }
            array.append(']');
            Slot slot = anySlot(root);
            if (slot != null) {
                slot.set(JsonNodeFactory.instance.stringNode(rawToken(array.toString())));
                return utf8(serialize(root), "body." + slot.name() + "=array:" + count);
            }
            return utf8(array.toString(), "body=array:" + count);
        }
        if (roll < 83) {
            return brokenSyntax(serialize(root));
        }
        if (roll < 87) {
            return invalidUtf8(root);
        }
        if (roll < 90) {
            String text = serialize(root);
            return switch (random.nextInt(4)) {
                case 0 ->
                    new Body(
                            text.getBytes(StandardCharsets.UTF_16),
                            "application/json; charset=UTF-16",
                            false,
                            "body=utf-16");
                case 1 ->
                    new Body(
                            text.getBytes(Charset.forName("UTF-32")),
                            "application/json; charset=UTF-32",
                            false,
                            "body=utf-32");
                case 2 ->
                    new Body(
                            text.getBytes(StandardCharsets.UTF_8),
                            "application/json; charset=UTF-16",
                            false,
                            "body=utf-8-declared-utf-16");
                default ->
                    new Body(
                            text.getBytes(StandardCharsets.UTF_16LE),
                            "application/json",
                            false,
                            "body=utf-16le-undeclared");
            };
        }
        if (roll < 94) {
            String type = Hostile.pick(random, Hostile.CONTENT_TYPES);
            String text =
                    switch (type) {
                        case "application/x-www-form-urlencoded" -> "a=1&b=%ZZ&c=" + "x".repeat(100);
                        case "application/xml" ->
                            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
                        case "multipart/form-data; boundary=----x" ->
                            "------x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n------x--\r\n";
                        default -> serialize(root);
                    };
            return new Body(
                    text.getBytes(StandardCharsets.UTF_8),
                    type.isEmpty() ? null : type,
                    false,
                    "content-type=" + abbreviate(type));
        }
        if (roll < 96) {
            String text = serialize(root);
            if (text.startsWith("{") && root instanceof ObjectNode o && !o.isEmpty()) {
                String first = o.propertyNames().iterator().next();
                text = "{\"" + first + "\":" + Hostile.pick(random, Hostile.RAW_TOKENS) + "," + text.substring(1);
                return utf8(text, "body=duplicate-key:" + first);
            }
            return utf8(text, "body=plausible");
        }
        if (roll < 98) {
            String text = " ".repeat(2 * 1_048_576 + random.nextInt(1_048_576)) + serialize(root);
            return new Body(text.getBytes(StandardCharsets.UTF_8), "application/json", true, "body=chunked-over-limit");
        }
        return new Body(new byte[0], "application/json", false, "body=empty");
    }

    /** A body for an operation that takes none. */
    Body unexpected() {
        String text = Hostile.pick(random, List.of("{\"a\":1}", "[1,2]", "{{{", "x".repeat(10_000), "null"));
        return utf8(text, "body=unexpected:" + abbreviate(text));
    }

    private Body extraField(JsonNode root) {
        String name = Hostile.pick(random, EXTRA_FIELDS);
        if (root instanceof ObjectNode o) {
            o.set(name, JsonNodeFactory.instance.stringNode(rawToken(Hostile.pick(random, Hostile.RAW_TOKENS))));
            return utf8(serialize(o), "body.extra=" + abbreviate(name));
        }
        return utf8(serialize(root), "body=plausible");
    }

    private Body hugeString(JsonNode root, int size, String label) {
        Slot slot = stringSlot(root);
        String huge = "A".repeat(size);
        if (slot != null) {
            slot.set(JsonNodeFactory.instance.stringNode(huge));
            return utf8(serialize(root), label + "@" + slot.name());
        }
        return utf8("\"" + huge + "\"", label);
    }

    private Body brokenSyntax(String text) {
        int cut = text.isEmpty() ? 0 : random.nextInt(text.length());
        String broken =
                switch (random.nextInt(14)) {
                    case 0 -> text.substring(0, cut);
                    case 1 -> text + ",}";
                    case 2 -> text.replace('"', '\'');
                    case 3 -> "/* comment */" + text;
                    case 4 -> text.replaceFirst("\"([A-Za-z]+)\":", "$1:");
                    case 5 -> text.replaceFirst("}$", ",}");
                    case 6 -> text.replaceFirst(":\"", ":\"\u0001\u0002raw-control");
                    case 7 -> text.replaceFirst(":\"", ":\"\\x41\\q");
                    case 8 -> text.replaceFirst(":", "");
                    case 9 -> "\uFEFF" + text;
                    case 10 -> text.substring(0, cut) + "\u0000" + text.substring(cut);
                    case 11 -> "{";
                    case 12 -> text + "\n" + text;
                    default -> text.replaceFirst(":\"", ":\"\\uD800\\uD800");
                };
        return utf8(
                broken, "body=broken-syntax:" + abbreviate(broken.length() > 40 ? broken.substring(0, 40) : broken));
    }

    private Body invalidUtf8(JsonNode root) {
        Slot slot = stringSlot(root);
        String marker = "@@UTF8@@";
        if (slot != null) {
            slot.set(JsonNodeFactory.instance.stringNode(marker));
        }
        String text = serialize(root);
        byte[] bad =
                switch (random.nextInt(6)) {
                    case 0 -> new byte[] {(byte) 0xFF, (byte) 0xFE};
                    case 1 -> new byte[] {(byte) 0xC0, (byte) 0xAF};
                    case 2 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
                    case 3 -> new byte[] {(byte) 0xE2, (byte) 0x82};
                    case 4 -> new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80};
                    default -> new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80};
                };
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        byte[] result;
        if (at >= 0) {
            byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] after = text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
            result = new byte[before.length + bad.length + after.length];
            System.arraycopy(before, 0, result, 0, before.length);
            System.arraycopy(bad, 0, result, before.length, bad.length);
            System.arraycopy(after, 0, result, before.length + bad.length, after.length);
        } else {
            result = new byte[utf8.length + bad.length];
            System.arraycopy(bad, 0, result, 0, bad.length);
            System.arraycopy(utf8, 0, result, bad.length, utf8.length);
        }
        return new Body(result, "application/json", false, "body=invalid-utf8");
    }

    static String abbreviate(String value) {
        return abbreviate(value, 40);
    }

    /** Printable: control, invisible and bidi characters escaped, at most {@code max} characters. */
    static String abbreviate(String value, int max) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(value.length(), max);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c) || c == '\u202E') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > max) {
            out.append("...(").append(value.length()).append(')');
        }
        return out.toString();
    }
}
