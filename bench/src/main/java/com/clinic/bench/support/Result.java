package com.clinic.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A drill's verdict: PASS or FAIL with its evidence, as JSON for the report and one line for the console. */
public final class Result {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Result(String drill) {
        fields.put("drill", drill);
        fields.put("status", "FAIL");
    }

    public Result put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Writes the result and exits 0 on PASS, 1 on FAIL. */
    public void finish(boolean passed, Path out) {
        fields.put("status", passed ? "PASS" : "FAIL");
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(fields.get("drill") + ": " + fields.get("status") + " " + fields);
        System.exit(passed ? 0 : 1);
    }
}
