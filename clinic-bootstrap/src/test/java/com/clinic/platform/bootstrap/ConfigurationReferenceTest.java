package com.clinic.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.RepositoryRoot;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/configuration.md is generated, so it cannot drift: every {@code clinic.*} setting from the
 * settings records' metadata (META-INF/spring-configuration-metadata.json, written by Spring's
 * annotation processor from their javadoc), and every other setting application.yml exposes as an
 * environment variable. The environment variable is application.yml's placeholder where it has one and
 * Spring's name for the setting otherwise; the default is application.yml's value where it sets one and
 * the record's otherwise. A setting without a description fails the test.
 *
 * <p>Written into target/ and compared with the committed file; {@code -Dclinic.docs.update=true}
 * writes docs/configuration.md instead, to commit.
 */
class ConfigurationReferenceTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+):(.*)}$");

    @Test
    void theCommittedConfigurationReferenceIsCurrent() throws IOException {
        String generated = render(settings());
        Path root = RepositoryRoot.path();
        Path committed = root.resolve("docs/configuration.md");
        boolean update = Boolean.getBoolean("clinic.docs.update");
        Path output = update ? committed : root.resolve("clinic-bootstrap/target/configuration.md");
        Files.writeString(output, generated, StandardCharsets.UTF_8);

        assertThat(Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "")
                .as("docs/configuration.md is stale: rerun ConfigurationReferenceTest with"
                        + " -Dclinic.docs.update=true and commit it")
                .isEqualTo(generated);
    }

    @Test
    void everySettingIsDescribedAndEveryEnvironmentVariableOfApplicationYmlIsListed() throws IOException {
        List<Setting> settings = settings();

        assertThat(settings)
                .extracting(Setting::name)
                .contains("clinic.waitlist.offer-ttl", "clinic.identity.jwt.keys", "spring.datasource.url");
        assertThat(settings).allSatisfy(setting -> assertThat(setting.description())
                .as(setting.name() + " needs a description (@param in its settings record)")
                .isNotBlank());
        assertThat(settings)
                .extracting(Setting::environment)
                .contains("CLINIC_DB_URL", "PORT", "CLINIC_DB_POOL_SIZE", "CLINIC_WAITLIST_OFFER_TTL");
        assertThat(settings)
                .filteredOn(setting -> setting.name().equals("clinic.identity.jwt.keys"))
                .singleElement()
                .satisfies(keys -> assertThat(keys.environment())
                        .isEqualTo("CLINIC_IDENTITY_JWT_KEYS_<N>_ID, _PRIVATEKEY, _PUBLICKEY"));
        assertThat(settings)
                .filteredOn(setting -> setting.name().equals("clinic.http.read-your-writes-timeout"))
                .singleElement()
                .satisfies(timeout -> {
                    assertThat(timeout.environment()).isEqualTo("CLINIC_HTTP_READYOURWRITESTIMEOUT");
                    assertThat(timeout.defaultValue()).isEqualTo("2s");
                });
    }

    /** One row of the reference. */
    record Setting(String name, String environment, String defaultValue, String description) {}

    private static List<Setting> settings() throws IOException {
        Map<String, JsonNode> metadata = metadata();
        Map<String, Object> yml = applicationYml();
        Map<String, Setting> rows = new TreeMap<>();
        for (JsonNode property : metadata.values()) {
            String name = property.path("name").asString();
            Optional<Matcher> placeholder = placeholder(yml.get(name));
            if (!name.startsWith("clinic.") && placeholder.isEmpty()) {
                continue; // Spring's own settings are documented by Spring; listed here when we expose them
            }
            String environment = placeholder.map(found -> found.group(1)).orElseGet(() -> environment(property));
            String defaultValue = placeholder
                    .map(found -> found.group(2))
                    .or(() -> Optional.ofNullable(yml.get(name)).map(Object::toString))
                    .orElseGet(() -> defaultValue(property.path("defaultValue")));
            rows.put(
                    name,
                    new Setting(
                            name,
                            environment,
                            defaultValue,
                            property.path("description").asString("")));
        }
        return new ArrayList<>(rows.values());
    }

    /** Every property of the project's metadata, the clinic modules' entries over Spring's own. */
    private static Map<String, JsonNode> metadata() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> properties = new TreeMap<>();
        List<URL> files = Collections.list(ConfigurationReferenceTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
        // Spring's first, then ours (clinic-*), so that ours replace Spring's for the settings we describe.
        files.sort((a, b) ->
                Boolean.compare(a.toString().contains("clinic-"), b.toString().contains("clinic-")));
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    properties.put(property.path("name").asString(), property);
                }
            }
        }
        return properties;
    }

    /** application.yml flattened, values as written (placeholders unresolved). */
    private static Map<String, Object> applicationYml() throws IOException {
        Map<String, Object> values = new TreeMap<>();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
            for (String name : enumerable.getPropertyNames()) {
                values.put(name, String.valueOf(enumerable.getProperty(name)));
            }
        }
        return values;
    }

    private static Optional<Matcher> placeholder(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = PLACEHOLDER.matcher(value.toString());
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    /** Spring's rule for variables: dots become underscores, dashes go, upper case; maps and lists get a key. */
    private static String environment(JsonNode property) {
        String base = property.path("name")
                .asString()
                .replace(".", "_")
                .replace("-", "")
                .toUpperCase(Locale.ROOT);
        String type = property.path("type").asString("");
        if (type.startsWith("java.util.Map<")) {
            return base + "_<ID>";
        }
        if (type.startsWith("java.util.List<") && !type.startsWith("java.util.List<java.lang.")) {
            String element = type.substring("java.util.List<".length(), type.length() - 1);
            return base + "_<N>_" + recordComponents(element);
        }
        return base;
    }

    private static String recordComponents(String className) {
        try {
            Class<?> type = Class.forName(className, false, ConfigurationReferenceTest.class.getClassLoader());
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> component.getName().toUpperCase(Locale.ROOT))
                    .collect(Collectors.joining(", _"));
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("The settings type " + className + " is not on the classpath", missing);
        }
    }

    private static String defaultValue(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return String.join(",", items);
        }
        String text = value.asString();
        // A list default from @DefaultValue({...}) arrives as the list's toString
        return text.startsWith("[") && text.endsWith("]")
                ? text.substring(1, text.length() - 1).replace(", ", ",")
                : text;
    }

    private static String render(List<Setting> settings) {
        StringBuilder page = new StringBuilder();
        page.append("# Configuration reference\n\n")
                .append("Generated from the settings records' metadata and application.yml by\n")
                .append("`ConfigurationReferenceTest` (rerun it with `-Dclinic.docs.update=true` after changing a\n")
                .append("setting). Every setting can be given as the environment variable shown, as a\n")
                .append("`--name=value` argument, or in an `application.yml` next to the jar. Durations take\n")
                .append("`ms`, `s`, `m`, `h`, `d` (`15m`). Production: see the README's production section.\n\n")
                .append("| Setting | Environment variable | Default | Meaning |\n")
                .append("|---|---|---|---|\n");
        for (Setting setting : settings) {
            page.append("| `")
                    .append(setting.name())
                    .append("` | `")
                    .append(setting.environment())
                    .append("` | ")
                    .append(setting.defaultValue().isEmpty() ? "" : "`" + cell(setting.defaultValue()) + "`")
                    .append(" | ")
                    .append(cell(setting.description().replaceAll("\\s+", " ")))
                    .append(" |\n");
        }
        return page.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
