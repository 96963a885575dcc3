package com.clinic.audit.rest;

import com.clinic.audit.application.AuditEvent;
import com.clinic.platform.application.Page;
import java.util.List;

/** A page of the global stream; pass {@code nextCursor} as {@code after} for the next one (null on the last). */
public record AuditEventPageResponse(List<AuditEventResponse> items, String nextCursor) {

    static AuditEventPageResponse of(Page<AuditEvent> page) {
        return new AuditEventPageResponse(
                page.items().stream().map(AuditEventResponse::of).toList(),
                page.nextCursor().orElse(null));
    }
}
