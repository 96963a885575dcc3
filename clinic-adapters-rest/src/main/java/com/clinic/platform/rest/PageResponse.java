package com.clinic.platform.rest;

import com.clinic.platform.application.Page;
import java.util.List;
import java.util.function.Function;

/**
 * Every list of the API pages the same way: {@code items}, and {@code nextCursor} to pass as {@code
 * after} for the next page (null on the last one).
 */
public record PageResponse<T>(List<T> items, String nextCursor) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.nextCursor().orElse(null));
    }

    public static <V, T> PageResponse<T> of(Page<V> page, Function<V, T> mapping) {
        return new PageResponse<>(
                page.items().stream().map(mapping).toList(), page.nextCursor().orElse(null));
    }
}
