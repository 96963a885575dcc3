package com.clinic.platform.persistence;

import static com.clinic.platform.persistence.jooq.Tables.IDEMPOTENCY_RECORD;

import com.clinic.platform.application.idempotency.IdempotencyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Idempotency records in PostgreSQL. The claim is a single {@code INSERT … ON CONFLICT DO NOTHING},
 * so of two concurrent requests with one key exactly one runs, whichever app instance it reaches.
 */
@Repository
class JooqIdempotencyStore implements IdempotencyStore {

    private final DSLContext db;

    JooqIdempotencyStore(DSLContext db) {
        this.db = db;
    }

    @Override
    public Claim claim(String scope, String key, String requestFingerprint) {
        int inserted = db.insertInto(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.SCOPE, scope)
                .set(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY, key)
                .set(IDEMPOTENCY_RECORD.REQUEST_FINGERPRINT, requestFingerprint)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            return new Claim.Acquired();
        }
        var existing = db.selectFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.SCOPE.eq(scope), IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional();
        if (existing.isEmpty()) {
            // Released between our insert and select: the earlier attempt failed, so try again.
            return claim(scope, key, requestFingerprint);
        }
        var row = existing.get();
        if (row.getStatus() == null) {
            return new Claim.InProgress(row.getRequestFingerprint());
        }
        return new Claim.Replay(
                row.getRequestFingerprint(), toResponse(row.getStatus(), row.getHeaders(), row.getBody()));
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        db.update(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.STATUS, response.status())
                .set(IDEMPOTENCY_RECORD.HEADERS, encodeHeaders(response.headers()))
                .set(IDEMPOTENCY_RECORD.BODY, response.body())
                .set(IDEMPOTENCY_RECORD.COMPLETED_AT, DSL.currentInstant())
                .where(IDEMPOTENCY_RECORD.SCOPE.eq(scope), IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .execute();
    }

    @Override
    public void release(String scope, String key) {
        db.deleteFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.SCOPE.eq(scope), IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .execute();
    }

    private static StoredResponse toResponse(int status, String headers, byte[] body) {
        return new StoredResponse(status, decodeHeaders(headers), body == null ? new byte[0] : body);
    }

    private static String encodeHeaders(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach(
                (name, value) -> text.append(name).append('\t').append(value).append('\n'));
        return text.toString();
    }

    private static Map<String, String> decodeHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    headers.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return headers;
    }
}
