package com.clinic.platform.rest;

import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.application.idempotency.IdempotencyStore;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Language negotiation, the idempotency filter's position and problems for what Tomcat refuses
 * itself. The OpenAPI description is {@link ApiDescription}'s.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    public static final Locale ARABIC = Locale.forLanguageTag("ar");

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, ARABIC));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    /** After Spring Security (order -100), so that keys are scoped to the authenticated caller. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Inside the idempotency filter: a replayed response has nothing to wait for. */
    @Bean
    FilterRegistrationBean<ReadYourWritesFilter> readYourWritesFilter(ReadModelBarrier barrier, HttpSettings settings) {
        FilterRegistrationBean<ReadYourWritesFilter> registration =
                new FilterRegistrationBean<>(new ReadYourWritesFilter(barrier, settings.readYourWritesTimeout()));
        registration.setOrder(1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * Replaces Tomcat's HTML error report (installed by Spring Boot on the host) with {@link
     * ProblemReportValve}, so that requests refused before they reach the application still get a
     * problem. Runs after Boot's own customizer, which adds the valve being replaced.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(
            ProblemWriter problems, JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.getPipeline().addValve(new ProblemReportValve(problems, json));
        });
    }
}
