package com.clinic.payments.application.port;

import java.util.UUID;

/**
 * A clinic's gap-free sequences (invoice numbers, receipt numbers). The number is taken in the
 * caller's transaction and holds the sequence until it commits: a command that fails after taking
 * one rolls it back with everything else, so no number is ever skipped or given twice (ADR 0027).
 */
public interface NumberSequences {

    enum Series {
        INVOICE,
        RECEIPT
    }

    /** The next number of the clinic's series, starting at 1. */
    long next(UUID clinicId, Series series);
}
