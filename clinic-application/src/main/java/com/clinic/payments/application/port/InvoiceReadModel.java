package com.clinic.payments.application.port;

import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Port: invoices and their ledgers as projected from the invoice events (a moment behind them). */
public interface InvoiceReadModel {

    Optional<InvoiceView> invoice(UUID invoiceId);

    /** The invoice of an appointment, if the visit was billed. */
    Optional<InvoiceView> ofAppointment(UUID appointmentId);

    /** What to list: one patient's, or a clinic's (one branch's) invoices, in some states or all. */
    record Filter(
            Optional<UUID> patientId, Optional<UUID> clinicId, Optional<UUID> branchId, Set<InvoiceStatus> statuses) {
        public Filter {
            statuses = Set.copyOf(statuses);
        }
    }

    /** Newest first (by the time it was opened, then id). */
    Page<InvoiceSummary> invoices(Filter filter, PageRequest page);
}
