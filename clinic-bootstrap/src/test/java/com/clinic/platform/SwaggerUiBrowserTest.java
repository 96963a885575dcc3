package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Swagger UI works for a person: in headless Chromium (Debian's, driven by npm playwright-core), it
 * authorizes with a real access token and executes GET /api/v1/me, and shows the 200 answer. The
 * script is src/test/browser/swagger-ui.mjs; its one dependency is installed under target/ from the
 * committed lock file. Skipped only where Chromium is not installed (.ci/run installs it).
 */
@IntegrationTest
class SwaggerUiBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SOURCES = Path.of("src", "test", "browser");
    private static final Path WORK = Path.of("target", "browser-test");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void swaggerUiAuthorizesWithATokenAndExecutesACall() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Chromium is not installed at /usr/bin/chromium (apt-get install chromium): Swagger UI is not"
                        + " exercised in a browser on this machine");
        installPlaywright();
        Api api = Api.on(port);
        Sessions.Session admin = Sessions.login(api, Sessions.ADMIN_EMAIL, Sessions.ADMIN_PASSWORD);

        Run run = run(
                List.of(
                        "node",
                        "swagger-ui.mjs",
                        "http://127.0.0.1:" + port,
                        admin.accessToken(),
                        WORK.resolve("swagger-ui.png").toAbsolutePath().toString()),
                120);

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = run.output().lines().toList();
        JsonNode shown = JSON.readTree(lines.getLast());
        assertThat(shown.path("status").asString()).isEqualTo("200");
        JsonNode me = JSON.readTree(shown.path("body").asString());
        assertThat(me.path("userId").asString()).isEqualTo(admin.userId().toString());
        assertThat(me.path("role").asString()).isEqualTo("ADMIN");
    }

    /** playwright-core only (it downloads no browser), from the committed lock file, once per target/. */
    private static void installPlaywright() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "swagger-ui.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules").resolve("playwright-core"))) {
            return;
        }
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        assertThat(install.exit()).as(install.toString()).isZero();
    }

    private record Run(int exit, String output, String errors) {
        @Override
        public String toString() {
            return "exit " + exit + "\n" + output + "\n" + errors;
        }
    }

    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("browser-test", ".out");
        Path err = Files.createTempFile("browser-test", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(WORK.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, read(out), "timed out after " + timeoutSeconds + " s\n" + read(err));
            }
            return new Run(process.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
