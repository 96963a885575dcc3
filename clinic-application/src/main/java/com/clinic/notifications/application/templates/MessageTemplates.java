package com.clinic.notifications.application.templates;

import com.clinic.notifications.domain.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renders a notification's text for one channel in the recipient's language, from template files a
 * clinic can override. Parameters are typed ({@link Value}): times are instants shown on the
 * branch's wall clock with their date (and the zone named when it is not the recipient's), counts
 * choose plural forms, names are chosen in the language of the text.
 *
 * <p>In a template a value is a plain argument ({@code {start}}, {@code {doctorName}}); a count may also
 * choose a plural form ({@code {hoursBefore, plural, one {...} other {...}}}) and a text a wording
 * ({@code {byClinic, select, true {...} other {...}}}). Times arrive formatted, so a template never
 * formats them itself. In the e-mail's HTML every value is escaped, and names, times and numbers are
 * isolated ({@code <bdi>}) from the text around them.
 */
public interface MessageTemplates {

    /** A parameter value, rendered in the language of the text. */
    sealed interface Value {
        /** Shown as it is (HTML-escaped in HTML); also what a {@code select} chooses by. */
        record Text(String value) implements Value {}

        /** A name known in both languages (either may be missing, not both). */
        record Name(String ar, String en) implements Value {}

        /** A number in the text's digits (Arabic-Indic in Arabic); chooses plural forms. */
        record Count(long value) implements Value {}

        /** Shown as the date and the time on {@link Request#zone()}'s wall clock, never a time alone. */
        record Time(Instant value) implements Value {}
    }

    /**
     * @param template the template id, for example {@code appointment.reminder}
     * @param clinicId whose overrides apply, when the message is about a clinic's business
     * @param language the recipient's language ({@code ar}, {@code en})
     * @param clinicLanguage the clinic's default language: the fallback when the recipient's is missing
     * @param zone the zone whose wall clock the times are shown on (the branch's)
     * @param recipientZone the recipient's zone: when it differs from {@code zone}, times name their zone
     */
    record Request(
            String template,
            Channel channel,
            Optional<UUID> clinicId,
            String language,
            String clinicLanguage,
            ZoneId zone,
            ZoneId recipientZone,
            Map<String, Value> parameters) {
        public Request {
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * @param language the language the text is in
     * @param fellBackFrom the language asked for, when it had no translation and the clinic's
     *     default was used instead (the notification records it)
     * @param subject the e-mail subject or the push/in-app title; empty for SMS
     * @param text the plain text (SMS, push and in-app body, e-mail's text part)
     * @param html the e-mail's HTML part (with {@code lang} and {@code dir}); empty for other channels
     */
    record Rendered(
            String language,
            Optional<String> fellBackFrom,
            Optional<String> subject,
            String text,
            Optional<String> html) {}

    /**
     * Renders in the first language that has every key of the channel: the recipient's, the clinic's,
     * then the configured default. Throws {@link UnknownTemplate} when none has the template for this
     * channel; {@link IllegalArgumentException} when the template uses a parameter the request lacks.
     */
    Rendered render(Request request);

    /**
     * Whether any language of the built-in templates has this template for this channel (a clinic's
     * override may add templates only that clinic's requests can render).
     */
    boolean exists(String template, Channel channel);

    final class UnknownTemplate extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnknownTemplate(String template, Channel channel) {
            super("No template " + template + " for " + channel, null, false, false);
        }
    }
}
