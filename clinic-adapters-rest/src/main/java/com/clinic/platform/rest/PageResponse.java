package com.clinic.directory.rest;

import com.clinic.platform.application.Page;
import java.util.List;
import java.util.function.Function;

/** A page of results; pass {@code nextCursor} as {@code after} for the next one (null on the last page). */
record PageResponse<T>(List<T> items, String nextCursor) {

    static <V, T> PageResponse<T> of(Page<V> page, Function<V, T> mapping) {
        return new PageResponse<>(
                page.items().stream().map(mapping).toList(), page.nextCursor().orElse(null));
    }
}
