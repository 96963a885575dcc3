package com.clinic.platform.application.axon;

import java.util.List;

/** Names of the metadata entries every command and event carries, for the audit trail. */
public final class MetadataKeys {

    public static final String USER_ID = "userId";
    public static final String USER_ROLE = "userRole";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The aggregate version a client based its command on (from {@code If-Match}); absent means "any". */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** Added by Axon: the identifier of the message that started the chain (the first command). */
    public static final String TRACE_ID = "traceId";
    /**
     * Added by Axon: the identifier of the message that directly caused this one. Axon calls it
     * {@code correlationId} by default, which would overwrite the request's {@link #CORRELATION_ID}.
     */
    public static final String CAUSATION_ID = "causationId";

    /** The entries copied from a command onto the events it causes. */
    public static final List<String> PROPAGATED =
            List.of(USER_ID, USER_ROLE, CORRELATION_ID, REQUEST_ID, CLIENT_ADDRESS);

    private MetadataKeys() {}
}
