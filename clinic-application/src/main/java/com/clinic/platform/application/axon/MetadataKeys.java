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

    /** The entries copied from a command onto the events it causes. */
    public static final List<String> PROPAGATED =
            List.of(USER_ID, USER_ROLE, CORRELATION_ID, REQUEST_ID, CLIENT_ADDRESS);

    private MetadataKeys() {}
}
