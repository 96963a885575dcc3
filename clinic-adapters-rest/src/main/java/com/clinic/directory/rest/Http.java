package com.clinic.directory.rest;

import com.clinic.platform.application.PageRequest;
import com.clinic.platform.rest.ETags;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The directory's HTTP conventions in one place: Location, ETag, paging (If-Match: {@link ETags}). */
final class Http {

    private Http() {}

    static <T> ResponseEntity<T> created(Object id, long version, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(version)).body(body);
    }

    static <T> ResponseEntity<T> createdAt(String path, Object id, long version, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .buildAndExpand(id)
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(version)).body(body);
    }

    static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
    }

    /** After a change: nothing to show yet (read models follow shortly), only the new version. */
    static ResponseEntity<Void> changed(long version) {
        return version < 0
                ? ResponseEntity.noContent().build()
                : ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    static PageRequest page(int limit, String after) {
        return new PageRequest(limit, Optional.ofNullable(after).filter(a -> !a.isBlank()));
    }
}
