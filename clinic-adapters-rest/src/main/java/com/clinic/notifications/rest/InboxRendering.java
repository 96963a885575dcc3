package com.clinic.notifications.rest;

import com.clinic.notifications.application.port.InAppNotificationView;
import com.clinic.notifications.application.port.RenderedText;
import com.clinic.platform.rest.WebConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * How an in-app notice reads: as the dispatcher rendered it, in the recipient's language, or (for
 * notices stored before it did) from the message bundle key {@code notification.<template>} with
 * its named {@code {parameters}}, in the language the user chose, else the one their request asks
 * for (Accept-Language).
 */
@Component
class InboxRendering {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, WebConfiguration.ARABIC);

    /**
     * One notice as a client shows it.
     *
     * @param title the rendered title, when the notice has one
     * @param language the language of {@code message}
     */
    record NotificationResponse(
            UUID id,
            String template,
            String title,
            String message,
            String language,
            Map<String, String> parameters,
            Instant createdAt,
            Instant readAt) {}

    private final MessageSource messages;
    private final LocaleResolver locales;

    InboxRendering(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** The user's own language when it is one the bundles have, else the request's. */
    Locale locale(Optional<String> preferredLanguage, HttpServletRequest request) {
        return preferredLanguage
                .map(Locale::forLanguageTag)
                .filter(preferred ->
                        SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(preferred.getLanguage())))
                .orElseGet(() -> locales.resolveLocale(request));
    }

    NotificationResponse render(InAppNotificationView notice, Locale locale) {
        if (notice.rendered().isPresent()) {
            RenderedText text = notice.rendered().get();
            return new NotificationResponse(
                    notice.id(),
                    notice.template(),
                    text.title().orElse(null),
                    text.body(),
                    text.language(),
                    notice.parameters(),
                    notice.createdAt(),
                    notice.readAt().orElse(null));
        }
        String key = "notification." + notice.template();
        // Without arguments the bundle text comes back as written, so named placeholders survive.
        String pattern = messages.getMessage(key, null, key, locale);
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder message = new StringBuilder();
        while (matcher.find()) {
            String value = notice.parameters().getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(message, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(message);
        return new NotificationResponse(
                notice.id(),
                notice.template(),
                null,
                message.toString(),
                locale.getLanguage(),
                notice.parameters(),
                notice.createdAt(),
                notice.readAt().orElse(null));
    }
}
