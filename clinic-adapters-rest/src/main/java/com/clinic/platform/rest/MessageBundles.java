package com.clinic.platform.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every context's messages, found by pattern: each {@code messages/<context>.properties} (with its
 * {@code _ar} translation) on the classpath is a bundle, so a new context brings its own file and
 * registers it nowhere. Replaces Boot's {@code spring.messages.basename} list, which every new
 * context had to extend.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    static final String PATTERN = "classpath*:messages/*.properties";

    /** {@code identity.properties}, {@code identity_ar.properties}, {@code identity_ar_EG.properties}. */
    private static final Pattern BUNDLE = Pattern.compile("([a-z0-9-]+?)(_[a-z]{2,3}(_[A-Za-z0-9]+)*)?\\.properties");

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(basenames().toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static List<String> basenames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(PATTERN);
            return Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .map(BUNDLE::matcher)
                    .filter(Matcher::matches)
                    .map(match -> "messages/" + match.group(1))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The message bundles could not be listed", e);
        }
    }
}
