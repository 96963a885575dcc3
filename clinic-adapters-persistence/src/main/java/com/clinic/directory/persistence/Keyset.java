package com.clinic.directory.persistence;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opaque keyset cursors over (name, id): stable under concurrent inserts, unlike offsets, and cheap
 * at any depth because the index seeks straight to the position.
 */
final class Keyset {

    record Position(String name, UUID id) {}

    private Keyset() {}

    static Optional<Position> after(PageRequest page) {
        return page.after().map(Keyset::decode);
    }

    /** Cuts the one extra row fetched to learn whether another page exists. */
    static <T> Page<T> page(List<T> rows, PageRequest page, Function<T, Position> position) {
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, page.limit());
        return new Page<>(items, Optional.of(encode(position.apply(items.getLast()))));
    }

    private static String encode(Position position) {
        String raw = position.name() + '\u0000' + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = raw.lastIndexOf('\u0000');
            if (separator < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new Position(raw.substring(0, separator), UUID.fromString(raw.substring(separator + 1)));
        } catch (IllegalArgumentException e) {
            throw new Rejection.RuleViolated("page.cursor-invalid");
        }
    }

    /** For ILIKE: the user's text matched literally, anywhere. */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
