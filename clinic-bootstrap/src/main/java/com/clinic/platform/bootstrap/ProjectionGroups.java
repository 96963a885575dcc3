package com.clinic.platform.bootstrap;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The processing groups that are projections, found from the handler beans before Axon builds its
 * processors: a group whose every handler class has a {@code @ResetHandler} (it rebuilds its tables on a
 * replay, ADR 0009) and none disallows replay. Processes ({@code @DisallowReplay}: they send commands)
 * and the claim ledger (a write-side guard in the command's transaction, without a reset handler) are
 * not, so their failures keep their own handling: a dead-lettered claim would let a double booking through.
 *
 * <p>A projection whose handlers carry no {@code @ProcessingGroup} is not found here; {@code
 * AxonWiringTest} fails for any replayable processor without a dead-letter queue.
 */
final class ProjectionGroups {

    private final SortedSet<String> names;

    private ProjectionGroups(SortedSet<String> names) {
        this.names = names;
    }

    /** From the bean definitions' types, without creating any bean. */
    static ProjectionGroups scan(ConfigurableListableBeanFactory beans) {
        Map<String, List<Class<?>>> handlersByGroup = new TreeMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type;
            try {
                type = beans.getType(name, false);
            } catch (BeansException unresolvable) {
                continue; // not a handler class; a projection missed here fails AxonWiringTest
            }
            if (type == null) {
                continue;
            }
            Class<?> handler = ClassUtils.getUserClass(type);
            ProcessingGroup group = AnnotationUtils.findAnnotation(handler, ProcessingGroup.class);
            if (group != null) {
                handlersByGroup
                        .computeIfAbsent(group.value(), key -> new ArrayList<>())
                        .add(handler);
            }
        }
        SortedSet<String> projections = new TreeSet<>();
        handlersByGroup.forEach((group, handlers) -> {
            if (handlers.stream().allMatch(ProjectionGroups::isProjection)) {
                projections.add(group);
            }
        });
        return new ProjectionGroups(Collections.unmodifiableSortedSet(projections));
    }

    boolean contains(String processingGroup) {
        return names.contains(processingGroup);
    }

    SortedSet<String> names() {
        return names;
    }

    private static boolean isProjection(Class<?> handler) {
        if (AnnotationUtils.findAnnotation(handler, DisallowReplay.class) != null) {
            return false;
        }
        boolean[] resets = {false};
        ReflectionUtils.doWithMethods(
                handler,
                (Method method) -> resets[0] = true,
                method -> AnnotatedElementUtils.hasAnnotation(method, ResetHandler.class));
        return resets[0];
    }
}
