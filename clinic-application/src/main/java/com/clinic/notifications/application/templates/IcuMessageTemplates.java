package com.clinic.notifications.application.templates;

import com.clinic.notifications.application.TemplateSettings;
import com.clinic.notifications.domain.Channel;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.AttributedCharacterIterator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageTemplates} with ICU: each key of a template file is an ICU MessageFormat pattern
 * (CLDR plural rules, so Arabic's zero/one/two/few/many/other), times are ICU's full date with the
 * short time, numbers use the language's digits (Arabic-Indic for Arabic).
 *
 * <p>Built-in files are {@code notifications/templates/<language>/<template>.properties} on the class
 * path (UTF-8), parsed once and kept. A clinic's file of the same relative path under
 * {@code <overrideDirectory>/<clinicId>/} wins key by key; override files are read when first needed
 * and read again once they are {@link #OVERRIDE_CACHE_TTL} old, so an edited file takes effect within
 * a minute without a restart. A broken override key (a bad pattern, or a parameter the template does not
 * have) is logged and the built-in text of the same language is used instead: one clinic's typo must
 * not silence its notices.
 *
 * <p>A channel's text comes from the first language that has every key the channel needs: the
 * recipient's, then the clinic's, then {@link TemplateSettings#defaultLanguage()}.
 */
public final class IcuMessageTemplates implements MessageTemplates {

    /** How long an override file (or its absence) is trusted before it is read again. */
    public static final Duration OVERRIDE_CACHE_TTL = Duration.ofMinutes(1);

    static final String BUILT_IN_ROOT = "notifications/templates/";

    private static final Logger log = LoggerFactory.getLogger(IcuMessageTemplates.class);
    private static final List<String> BUILT_IN_LANGUAGES = List.of("ar", "en");
    /** Ids and languages become file names: nothing that could leave the template directory. */
    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final TemplateSettings settings;
    private final Clock clock;
    private final ClassLoader classLoader;
    private final ConcurrentMap<FileKey, Optional<TemplateFile>> builtIn = new ConcurrentHashMap<>();
    private final ConcurrentMap<OverrideKey, Loaded> overrides = new ConcurrentHashMap<>();

    public IcuMessageTemplates(TemplateSettings settings, Clock clock) {
        this(settings, clock, IcuMessageTemplates.class.getClassLoader());
    }

    IcuMessageTemplates(TemplateSettings settings, Clock clock, ClassLoader classLoader) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        settings.overrideDirectory().ifPresent(directory -> {
            if (!Files.isDirectory(directory)) {
                // A mistyped path would otherwise quietly send every clinic the built-in texts.
                throw new IllegalArgumentException(
                        "clinic.notifications.templates.override-directory is not a directory: " + directory);
            }
        });
    }

    @Override
    public Rendered render(Request request) {
        Objects.requireNonNull(request, "request");
        if (!TEMPLATE_ID.matcher(request.template()).matches()) {
            throw new UnknownTemplate(request.template(), request.channel());
        }
        Optional<String> asked = language(request.language());
        Set<String> candidates = new LinkedHashSet<>();
        asked.ifPresent(candidates::add);
        language(request.clinicLanguage()).ifPresent(candidates::add);
        candidates.add(settings.defaultLanguage());
        for (String language : candidates) {
            Optional<Map<Key, MessageFormat>> texts = texts(request, language);
            if (texts.isPresent()) {
                Optional<String> fellBackFrom = language.equals(asked.orElse(null))
                        ? Optional.empty()
                        : Optional.of(asked.orElse(request.language()));
                return render(request, language, fellBackFrom, texts.get());
            }
        }
        throw new UnknownTemplate(request.template(), request.channel());
    }

    @Override
    public boolean exists(String template, Channel channel) {
        if (!TEMPLATE_ID.matcher(template).matches()) {
            return false;
        }
        Set<String> languages = new LinkedHashSet<>(BUILT_IN_LANGUAGES);
        languages.add(settings.defaultLanguage());
        return languages.stream()
                .map(language -> builtIn(language, template))
                .flatMap(Optional::stream)
                .anyMatch(file -> Key.of(channel).stream().allMatch(file.messages()::containsKey));
    }

    // ---- choosing the texts

    /** Every key the channel needs, in this language, each from the clinic's file or the built-in one. */
    private Optional<Map<Key, MessageFormat>> texts(Request request, String language) {
        Optional<TemplateFile> clinicFile =
                request.clinicId().flatMap(clinic -> override(clinic, language, request.template()));
        Optional<TemplateFile> builtInFile = builtIn(language, request.template());
        Map<Key, MessageFormat> texts = new LinkedHashMap<>();
        for (Key key : Key.of(request.channel())) {
            Optional<MessageFormat> chosen = clinicFile
                    .flatMap(file -> file.message(key))
                    .filter(message -> usable(message, request, language, key))
                    .map(Message::format)
                    .or(() -> builtInFile.flatMap(file -> file.message(key)).map(message -> {
                        requireParameters(message, request, language, key);
                        return message.format();
                    }));
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            texts.put(key, chosen.get());
        }
        return Optional.of(texts);
    }

    private static boolean usable(Message message, Request request, String language, Key key) {
        Set<String> missing = missing(message, request);
        if (missing.isEmpty()) {
            return true;
        }
        log.warn(
                "Clinic {}'s template {}/{} {} uses parameters {} it does not have; using the built-in text",
                request.clinicId().orElse(null),
                language,
                request.template(),
                key.property,
                missing);
        return false;
    }

    private static void requireParameters(Message message, Request request, String language, Key key) {
        Set<String> missing = missing(message, request);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Template " + language + "/" + request.template() + " " + key.property
                    + " needs parameters " + missing);
        }
    }

    private static Set<String> missing(Message message, Request request) {
        return message.arguments().stream()
                .filter(argument -> !request.parameters().containsKey(argument))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---- rendering

    private Rendered render(
            Request request, String language, Optional<String> fellBackFrom, Map<Key, MessageFormat> texts) {
        ULocale locale = locale(language);
        Map<String, Object> plain = arguments(request, language, locale, false);
        return switch (request.channel()) {
            case SMS ->
                new Rendered(
                        language,
                        fellBackFrom,
                        Optional.empty(),
                        format(texts.get(Key.SMS_TEXT), plain),
                        Optional.empty());
            case PUSH ->
                new Rendered(
                        language,
                        fellBackFrom,
                        Optional.of(format(texts.get(Key.PUSH_TITLE), plain)),
                        format(texts.get(Key.PUSH_BODY), plain),
                        Optional.empty());
            case IN_APP ->
                new Rendered(
                        language,
                        fellBackFrom,
                        Optional.of(format(texts.get(Key.IN_APP_TITLE), plain)),
                        format(texts.get(Key.IN_APP_BODY), plain),
                        Optional.empty());
            case EMAIL -> {
                String subject = format(texts.get(Key.EMAIL_SUBJECT), plain);
                String body = formatHtml(texts.get(Key.EMAIL_HTML), arguments(request, language, locale, true));
                yield new Rendered(
                        language,
                        fellBackFrom,
                        Optional.of(subject),
                        format(texts.get(Key.EMAIL_TEXT), plain),
                        Optional.of(EmailLayout.page(language, locale.isRightToLeft(), subject, body)));
            }
        };
    }

    private static String format(MessageFormat cached, Map<String, Object> arguments) {
        // A MessageFormat keeps state while it formats; the cached one is shared, its clone is not.
        return ((MessageFormat) cached.clone()).format(arguments);
    }

    /**
     * Strings arrive escaped (names and times also isolated); numbers are formatted by ICU, also inside
     * plural forms ({@code #}), so they are isolated here from the formatter's field attributes.
     */
    private static String formatHtml(MessageFormat cached, Map<String, Object> arguments) {
        AttributedCharacterIterator formatted = ((MessageFormat) cached.clone()).formatToCharacterIterator(arguments);
        StringBuilder html = new StringBuilder();
        boolean inNumber = false;
        for (char c = formatted.first(); c != AttributedCharacterIterator.DONE; c = formatted.next()) {
            boolean number = formatted.getAttributes().keySet().stream().anyMatch(NumberFormat.Field.class::isInstance);
            if (number != inNumber) {
                html.append(number ? "<bdi>" : "</bdi>");
                inNumber = number;
            }
            html.append(c);
        }
        if (inNumber) {
            html.append("</bdi>");
        }
        return html.toString();
    }

    private static Map<String, Object> arguments(Request request, String language, ULocale locale, boolean html) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        request.parameters()
                .forEach((name, value) -> arguments.put(
                        name,
                        switch (value) {
                            case Value.Text text -> html ? Html.escape(text.value()) : text.value();
                            case Value.Name names -> {
                                String chosen = name(names, language)
                                        .orElseThrow(() ->
                                                new IllegalArgumentException("Parameter " + name + " has no name"));
                                yield html ? Html.isolate(chosen) : chosen;
                            }
                            case Value.Time time -> {
                                String shown = time(time.value(), locale, request.zone(), request.recipientZone());
                                yield html ? Html.isolate(shown) : shown;
                            }
                            case Value.Count count -> count.value();
                        }));
        return arguments;
    }

    /** The name in the text's language; the other one when that is missing (a doctor may have one name only). */
    static Optional<String> name(Value.Name names, String language) {
        Optional<String> ar = Optional.ofNullable(names.ar()).filter(name -> !name.isBlank());
        Optional<String> en = Optional.ofNullable(names.en()).filter(name -> !name.isBlank());
        return language.equals("ar") ? ar.or(() -> en) : en.or(() -> ar);
    }

    /**
     * The date with the time, on {@code zone}'s wall clock; the zone's location name ("Saudi Arabia
     * Time", "توقيت مصر") follows when the recipient lives on another clock. A location name, unlike
     * "GMT+3" or "Arabian Standard Time", says which clock without knowing the offsets or summer time.
     */
    static String time(Instant instant, ULocale locale, ZoneId zone, ZoneId recipientZone) {
        TimeZone timeZone = timeZone(zone, instant);
        DateFormat format = DateFormat.getDateTimeInstance(DateFormat.FULL, DateFormat.SHORT, locale);
        format.setTimeZone(timeZone);
        Date date = Date.from(instant);
        String shown = format.format(date);
        if (sameClock(zone, recipientZone)) {
            return shown;
        }
        SimpleDateFormat zoneName = new SimpleDateFormat("VVVV", locale);
        zoneName.setTimeZone(timeZone);
        return shown + " (" + zoneName.format(date) + ")";
    }

    private static TimeZone timeZone(ZoneId zone, Instant instant) {
        TimeZone timeZone = TimeZone.getTimeZone(zone.getId());
        if (!timeZone.getID().equals(TimeZone.UNKNOWN_ZONE_ID)) {
            return timeZone;
        }
        // Offsets ("+03:00") and zones newer than ICU's data: the offset the JDK knows at that instant.
        int offset = zone.getRules().getOffset(instant).getTotalSeconds() * 1000;
        return new SimpleTimeZone(offset, zone.getId());
    }

    /** Aliases (GB and Europe/London) are one clock. */
    private static boolean sameClock(ZoneId zone, ZoneId recipientZone) {
        if (zone.equals(recipientZone)) {
            return true;
        }
        String canonical = TimeZone.getCanonicalID(zone.getId());
        return canonical != null && canonical.equals(TimeZone.getCanonicalID(recipientZone.getId()));
    }

    /**
     * Gregorian dates (ICU's {@code ar-SA} would otherwise be free to pick the Hijri calendar), Arabic-Indic
     * digits for Arabic (ICU's plain {@code ar} uses Latin digits since CLDR 42), and British English for
     * English: day before month and the 24-hour clock, which readers in Saudi Arabia, Egypt and the UK all
     * read without doubt.
     */
    static ULocale locale(String language) {
        return switch (language) {
            case "ar" -> ULocale.forLanguageTag("ar-u-ca-gregory-nu-arab");
            case "en" -> ULocale.forLanguageTag("en-GB-u-ca-gregory");
            default -> ULocale.forLanguageTag(language + "-u-ca-gregory");
        };
    }

    private static Optional<String> language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return LANGUAGE.matcher(language).matches() ? Optional.of(language) : Optional.empty();
    }

    // ---- loading

    private Optional<TemplateFile> builtIn(String language, String template) {
        return builtIn.computeIfAbsent(new FileKey(language, template), key -> {
            String resource = BUILT_IN_ROOT + language + "/" + template + ".properties";
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(TemplateFile.parse(
                        load(new InputStreamReader(
                                in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT))),
                        locale(language),
                        (property, problem) -> {
                            // Shipped with the application: a broken one is a bug to see at once, not to skip.
                            throw new IllegalStateException(
                                    "Built-in template " + resource + " " + property + ": " + problem, problem);
                        }));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read built-in template " + resource, e);
            }
        });
    }

    private Optional<TemplateFile> override(UUID clinic, String language, String template) {
        if (settings.overrideDirectory().isEmpty()) {
            return Optional.empty();
        }
        OverrideKey key = new OverrideKey(clinic, language, template);
        Instant now = clock.instant();
        Loaded loaded = overrides.get(key);
        if (loaded == null || !now.isBefore(loaded.at().plus(OVERRIDE_CACHE_TTL))) {
            // Two threads may both read a stale entry; reading the file twice is harmless.
            loaded = new Loaded(readOverride(settings.overrideDirectory().get(), key), now);
            overrides.put(key, loaded);
        }
        return loaded.file();
    }

    private static Optional<TemplateFile> readOverride(Path directory, OverrideKey key) {
        Path file = directory
                .resolve(key.clinic().toString())
                .resolve(key.language())
                .resolve(key.template() + ".properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(TemplateFile.parse(
                    load(reader),
                    locale(key.language()),
                    (property, problem) -> log.warn(
                            "Clinic {}'s template {} has a broken {} ({}); using the built-in text",
                            key.clinic(),
                            file,
                            property,
                            problem.getMessage())));
        } catch (CharacterCodingException e) {
            log.warn("Clinic {}'s template {} is not UTF-8; using the built-in texts", key.clinic(), file);
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read clinic {}'s template {}; using the built-in texts", key.clinic(), file, e);
            return Optional.empty();
        }
    }

    private static Properties load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return properties;
    }

    /** The keys of a template file, per channel. */
    enum Key {
        PUSH_TITLE("push.title"),
        PUSH_BODY("push.body"),
        SMS_TEXT("sms.text"),
        EMAIL_SUBJECT("email.subject"),
        EMAIL_TEXT("email.text"),
        EMAIL_HTML("email.html"),
        IN_APP_TITLE("in_app.title"),
        IN_APP_BODY("in_app.body");

        final String property;

        Key(String property) {
            this.property = property;
        }

        static List<Key> of(Channel channel) {
            return switch (channel) {
                case PUSH -> List.of(PUSH_TITLE, PUSH_BODY);
                case SMS -> List.of(SMS_TEXT);
                case EMAIL -> List.of(EMAIL_SUBJECT, EMAIL_TEXT, EMAIL_HTML);
                case IN_APP -> List.of(IN_APP_TITLE, IN_APP_BODY);
            };
        }
    }

    /** A parsed pattern and every parameter it uses, nested plural and select forms included. */
    private record Message(MessageFormat format, Set<String> arguments) {

        static Message parse(String pattern, ULocale locale) {
            MessageFormat format = new MessageFormat(pattern, locale);
            MessagePattern parts = new MessagePattern(pattern);
            Set<String> arguments = new LinkedHashSet<>();
            for (int i = 0; i < parts.countParts(); i++) {
                MessagePattern.Part part = parts.getPart(i);
                if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                    arguments.add(parts.getSubstring(part));
                }
            }
            return new Message(format, Set.copyOf(arguments));
        }
    }

    private interface Broken {
        void report(String property, IllegalArgumentException problem);
    }

    private record TemplateFile(Map<Key, Message> messages) {

        static TemplateFile parse(Properties properties, ULocale locale, Broken broken) {
            Map<Key, Message> messages = new LinkedHashMap<>();
            for (Key key : Key.values()) {
                String pattern = properties.getProperty(key.property);
                if (pattern == null) {
                    continue;
                }
                try {
                    messages.put(key, Message.parse(pattern, locale));
                } catch (IllegalArgumentException e) {
                    broken.report(key.property, e);
                }
            }
            return new TemplateFile(Map.copyOf(messages));
        }

        Optional<Message> message(Key key) {
            return Optional.ofNullable(messages.get(key));
        }
    }

    private record FileKey(String language, String template) {}

    private record OverrideKey(UUID clinic, String language, String template) {}

    private record Loaded(Optional<TemplateFile> file, Instant at) {}
}
