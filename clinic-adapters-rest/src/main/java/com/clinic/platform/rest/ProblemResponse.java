package com.clinic.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Problem codes an operation answers with that are not business rejections, which {@link
 * ApiDescription} finds by itself: a context's own failures, such as identity's refused sign-ins
 * (401) and throttling (429). Name the codes by their constants, so the description follows them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    int status();

    String[] codes();

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ProblemResponse[] value();
    }
}
