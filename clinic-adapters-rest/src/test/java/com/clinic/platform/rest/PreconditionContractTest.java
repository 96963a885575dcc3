package com.clinic.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * One precondition contract ({@link ETags}): every PUT takes {@code If-Match}. The exceptions are
 * named here with their reason, so a new PUT without it fails this test instead of silently
 * allowing lost updates.
 */
class PreconditionContractTest {

    /** Controller class and method name, and why that PUT has no version to match. */
    private static final Map<String, String> NOT_VERSIONED = Map.of(
            "com.clinic.identity.rest.MeController#changePassword",
            "a password has no representation to read; the current password is its precondition",
            "com.clinic.notifications.rest.DeviceController#register",
            "a device's token is whatever the app was last given: the latest registration wins by design");

    @Test
    void everyPutTakesIfMatch() throws Exception {
        List<String> puts = new ArrayList<>();
        List<String> withoutIfMatch = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        for (BeanDefinition controller : scanner.findCandidateComponents("com.clinic")) {
            Class<?> type = Class.forName(controller.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(PutMapping.class)) {
                    continue;
                }
                String name = type.getName() + "#" + method.getName();
                puts.add(name);
                if (!NOT_VERSIONED.containsKey(name) && !takesIfMatch(method)) {
                    withoutIfMatch.add(name);
                }
            }
        }

        assertThat(puts).as("PUT handlers found").hasSizeGreaterThanOrEqualTo(7).containsAll(NOT_VERSIONED.keySet());
        assertThat(withoutIfMatch)
                .as("PUT handlers without an If-Match parameter")
                .isEmpty();
    }

    private static boolean takesIfMatch(Method method) {
        return Arrays.stream(method.getParameters())
                .map(Parameter::getAnnotations)
                .flatMap(Arrays::stream)
                .filter(RequestHeader.class::isInstance)
                .map(RequestHeader.class::cast)
                .anyMatch(header -> HttpHeaders.IF_MATCH.equalsIgnoreCase(header.value())
                        || HttpHeaders.IF_MATCH.equalsIgnoreCase(header.name()));
    }
}
