package com.clinic.bench.drills;

import java.util.List;
import java.util.Random;

/**
 * Catalogues of hostile values: strings (injection, unicode, dates, zones, phones, e-mails), raw
 * JSON tokens (wrong types, overlong numbers, NaN), path and query values and header values.
 *
 * <p>None of these contains a leak marker the drill looks for in responses (no {@code java.},
 * {@code Exception}, {@code SQL}...), so an echoed value can never pass for a leak.
 */
final class Hostile {

    private Hostile() {}

    static final List<String> INJECTION = List.of(
            "' OR '1'='1",
            "'; DROP TABLE patients; --",
            "\" OR \"\"=\"",
            "1; SELECT pg_sleep(3) --",
            "admin'--",
            "%' AND 1=0 UNION SELECT NULL, NULL --",
            "1 UNION ALL SELECT usename, passwd FROM pg_shadow",
            "$$; COPY (SELECT 1) TO PROGRAM 'id'; $$",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(document.cookie)",
            "${jndi:ldap://127.0.0.1:1/a}",
            "${7*7}",
            "{{7*7}}",
            "#{7*7}",
            "<%= 7*7 %>",
            "${T(Runtime).getRuntime().exec('id')}",
            "{{constructor.constructor('return process')()}}",
            "../../../../../../etc/passwd",
            "..\\..\\..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "file:///etc/passwd",
            "/dev/random",
            "line1\nINFO 1 --- [main] forged log entry",
            "line1\r\nSet-Cookie: session=forged",
            "\u001b[31mred\u001b[0m\u001b]0;title\u0007",
            "$(id)",
            "`id`",
            "| cat /etc/passwd",
            "; ls -la",
            "{\"$gt\": \"\"}",
            "*)(uid=*))(|(uid=*",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "%s%s%s%s%n",
            "{0}{1}{2}",
            "\\u0000",
            "__proto__",
            "constructor",
            "null",
            "undefined",
            "NaN",
            "true",
            "-1",
            "0",
            "");

    static final List<String> UNICODE = List.of(
            "\u0000",
            "a\u0000b",
            "\u202Eevil\u202C.exe",
            "\u202Dforced-ltr\u202C",
            "\u2066isolated\u2069",
            "\u200B\u200C\u200D\u2060",
            "\uFEFFbom",
            "\uD800",
            "x\uDFFFy",
            "\uD83D\uDE00".repeat(500),
            "Z\u0337\u0327\u031B\u031Ba\u0337l\u0337g\u0337o\u0337".repeat(20),
            "\u0301\u0301\u0301",
            "\uFDFA",
            "\uD835\uDD4F",
            "\u0130stanbul \u0131",
            "\uFF21\uFF22\uFF23",
            "line\u2028sep\u2029para",
            "tab\there\rcr\nnl",
            "\u007F\u0085\u009F",
            "\uFFFF\uFFFE",
            "\u0639\u064A\u0627\u062F\u0629 123 \u202B\u0645\u0631\u062D\u0628\u0627",
            "\u0660\u0665\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667",
            "   ",
            "\t",
            "\u3000");

    static final List<String> DATES = List.of(
            "0000-01-01",
            "-999999999-01-01",
            "+999999999-12-31",
            "9999-12-31",
            "1900-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-1",
            "20260101",
            "2026-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999999Z",
            "-1000000000-01-01T00:00:00Z",
            "2026-01-01T25:61:61Z",
            "2026-01-01T00:00:00+25:00",
            "2026-01-01T00:00:00[Europe/Nowhere]",
            "2026-06-01T10:00:00",
            "now",
            "P1D",
            "1e9",
            "99999999999999",
            "1800-01-01",
            "3000-01-01",
            "0001-01-01T00:00:00Z");

    static final List<String> TIMES =
            List.of("24:00", "23:59:60", "-01:00", "9", "09:00:00.999999999", "25:00", "12:60", "noon", "", "09:00Z");

    static final List<String> ZONES = List.of(
            "Mars/Olympus_Mons",
            "UTC+99",
            "../../../etc/localtime",
            "GMT+14:00",
            "Etc/GMT-14",
            "SystemV/AST4",
            "EST",
            "+25:00",
            "Z",
            "asia/riyadh");

    static final List<String> CURRENCIES = List.of("XXX", "ABCD", "sar", "", "\u20AC", "XTS", "S A R", "000");

    static final List<String> PHONES = List.of(
            "+0000",
            "+966" + "9".repeat(30),
            "++966500000000",
            "tel:+966500000000",
            "+\u0669\u0666\u0666\u0665\u0660\u0661\u0662\u0663\u0664\u0665\u0666",
            "00966500000000",
            "+966 50 000 0000 ext. 99999999",
            "+1",
            "+");

    static final List<String> EMAILS = List.of(
            "a@b",
            "@",
            "a@-.com",
            "x".repeat(300) + "@example.com",
            "\"quoted..\"@example.com",
            "a@[127.0.0.1]",
            "\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE@\u03C0\u03B1\u03C1\u03AC\u03B4\u03B5\u03B9\u03B3\u03BC\u03B1.\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE",
            "a@example.com\r\nBcc: victim@example.com",
            "admin@clinic.local'--");

    /** JSON tokens written raw into a body: wrong types, numbers no parser should accept quietly. */
    static final List<String> RAW_TOKENS = List.of(
            "123",
            "-1",
            "0",
            "true",
            "false",
            "null",
            "{}",
            "[]",
            "[1,2,3]",
            "{\"a\":{\"b\":[null]}}",
            "\"\"",
            "1e999999",
            "-1e999999",
            "123456789012345678901234567890123456789012345678901234567890",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "-2147483649",
            "0.1e-99999",
            "1.7976931348623157e309",
            "4.9e-325",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "01",
            "+1",
            ".5",
            "1.",
            "-0",
            "1e400",
            "0." + "0".repeat(5000) + "1",
            "1" + "0".repeat(5000),
            "\"\\ud800\"",
            "\"\\u0000\"",
            "\"\\uZZZZ\"",
            "'single'",
            "undefined",
            "True");

    static final List<String> PATH_VALUES = List.of(
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "123",
            "-1",
            "0",
            "null",
            "undefined",
            "true",
            "a".repeat(10_000),
            "..",
            ".",
            "%",
            " ",
            "01a20c6d-f8bd-75d9-9369-5665462dcd5cX",
            "01a20c6df8bd75d993695665462dcd5c",
            "{01a20c6d-f8bd-75d9-9369-5665462dcd5c}",
            "01a20c6d-f8bd-75d9-9369",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            "9999999999999999999999999",
            "me",
            "*",
            "?x=1",
            "#frag",
            "a/b",
            "a\\b",
            ";jsessionid=1",
            "\u0000",
            "\uD83D\uDE00",
            "\u202Egnp.exe");

    static final List<String> QUERY_VALUES = List.of(
            "",
            "-1",
            "0",
            "2147483648",
            "99999999999999999999999",
            "-9223372036854775809",
            "1e3",
            "NaN",
            "Infinity",
            "0x1F",
            "1.5",
            "true",
            "yes",
            "null",
            "a".repeat(5_000),
            "ADMIN",
            "admin",
            "PENDING",
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000");

    static final List<String> IF_MATCH = List.of(
            "\"0\"",
            "\"1\"",
            "W/\"1\"",
            "*",
            "\"-1\"",
            "\"99999999999999999999\"",
            "\"abc\"",
            "abc",
            "\"1\", \"2\"",
            "\"",
            "W/",
            "\"" + "9".repeat(4_000) + "\"",
            "\"1\u00e9\"",
            "");

    static final List<String> ACCEPT_LANGUAGE = List.of(
            "xx-YY",
            "*",
            "ar;q=abc",
            "en;q=2",
            "ar-SA,en;q=0.1,*;q=0",
            "a".repeat(4_000),
            ";;;,,,",
            "zh-Hant-TW-u-nu-hanidec");

    static final List<String> ACCEPT = List.of(
            "application/xml",
            "text/html",
            "image/png",
            "*/*;q=0",
            "application/json;q=abc",
            "text/event-stream",
            "application/problem+xml",
            "garbage",
            "application/*+json");

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=----x",
            "application/json; charset=ebcdic",
            "application/json; charset=no-such-charset",
            "application/json; charset=\"",
            "application/octet-stream",
            "application/json-patch+json",
            "application/merge-patch+json",
            "application/x-java-serialized-object",
            "application/json;;;",
            "json",
            "");

    static final List<String> FORWARDED_FOR = List.of(
            "not-an-ip",
            "999.999.999.999",
            "::1, 10.0.0.1, 127.0.0.1",
            "' OR 1=1 --",
            "1.2.3.4, " + "5.6.7.8, ".repeat(300) + "9.9.9.9",
            "[::ffff:127.0.0.1]:80",
            "unknown",
            "");

    /** Text a database may not keep as sent: NUL (PostgreSQL text cannot hold it) and unpaired surrogates. */
    static final List<String> UNSTORABLE =
            List.of("a\u0000b", "\u0000", "trailing\u0000", "x\uD800y", "\uDC00", "\uD83D");

    static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Any hostile string, weighted toward injection and unicode edge cases. */
    static String anyString(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> pick(random, INJECTION);
            case 4, 5, 6 -> pick(random, UNICODE);
            case 7 -> pick(random, DATES);
            case 8 -> "x".repeat(1 + random.nextInt(20_000));
            default -> pick(random, PATH_VALUES);
        };
    }

    /** A hostile string suited to a field's name or format half the time, any hostile string otherwise. */
    static String forField(Random random, String name, String format) {
        if (random.nextInt(8) == 0) {
            return pick(random, UNSTORABLE);
        }
        if (random.nextBoolean()) {
            return anyString(random);
        }
        String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        if ("date".equals(format)
                || "date-time".equals(format)
                || n.contains("date")
                || n.equals("from")
                || n.equals("to")
                || n.equals("start")
                || n.equals("end")
                || n.startsWith("effective")) {
            return random.nextInt(4) == 0 ? pick(random, TIMES) : pick(random, DATES);
        }
        if (n.contains("zone")) {
            return pick(random, ZONES);
        }
        if (n.contains("currency")) {
            return pick(random, CURRENCIES);
        }
        if (n.contains("phone")) {
            return pick(random, PHONES);
        }
        if (n.contains("email") || n.equals("login") || "email".equals(format)) {
            return pick(random, EMAILS);
        }
        if ("uuid".equals(format) || n.endsWith("id") || n.endsWith("ids")) {
            return pick(random, PATH_VALUES);
        }
        return anyString(random);
    }
}
