package com.clinic.payments.rest;

import com.clinic.payments.application.Invoicing;
import com.clinic.payments.application.port.InvoiceView;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices: a booked visit opens and issues its own (find it under its appointment); reception drafts
 * others, edits their lines, issues them and takes cash or a card on the terminal; refunds and
 * credits follow the clinic's terms. Writes answer the new ETag; a GET shows the invoice with its
 * ledger.
 */
@Tag(name = "payments-invoices")
@RestController
class InvoiceController {

    private final Invoicing invoicing;
    private final MessageSource messages;

    InvoiceController(Invoicing invoicing, MessageSource messages) {
        this.invoicing = invoicing;
        this.messages = messages;
    }

    record Created(UUID id) {}

    @Operation(
            operationId = "openInvoice",
            summary = "Draft an invoice",
            description =
                    "A draft for a patient of the branch's clinic, in the branch's currency, with lines typed at the desk (procedures, lab, medication, discounts as negative prices). Reception of the branch, the clinic's managers, administrators.")
    @PostMapping("/api/v1/invoices")
    ResponseEntity<Created> open(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody InvoiceRequests.Open request) {
        List<InvoiceRequests.Line> lines = request.lines() == null ? List.of() : request.lines();
        UUID invoiceId = invoicing.open(
                actor,
                request.branchId(),
                request.patientId(),
                lines.stream().map(InvoiceRequests.Line::toInput).toList());
        return ResponseEntity.created(location(invoiceId)).eTag(ETags.of(0)).body(new Created(invoiceId));
    }

    @Operation(
            operationId = "getInvoice",
            summary = "Get an invoice",
            description =
                    "The invoice with its lines, totals, every ledger entry and, for a cancelled or missed visit, the refund policy's decision explained. The patient, staff of its branch and clinic, administrators, auditors; 404 for one out of reach.")
    @GetMapping("/api/v1/invoices/{invoiceId}")
    ResponseEntity<InvoiceResponse> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID invoiceId) {
        return answer(invoicing.invoice(actor, invoiceId));
    }

    @Operation(
            operationId = "getAppointmentInvoice",
            summary = "The invoice of an appointment",
            description =
                    "The invoice a booked visit opened; 404 while there is none (a free visit, or not yet billed).")
    @GetMapping("/api/v1/appointments/{appointmentId}/invoice")
    ResponseEntity<InvoiceResponse> ofAppointment(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID appointmentId) {
        return answer(invoicing.ofAppointment(actor, appointmentId));
    }

    /** A payment's receipt, names in both languages; amounts as decimal strings of {@code currency}. */
    record ReceiptResponse(
            long receiptNumber,
            UUID paymentId,
            UUID invoiceId,
            Long invoiceNumber,
            String clinicNameAr,
            String clinicNameEn,
            String timeZone,
            UUID patientId,
            String patientNameAr,
            String patientNameEn,
            String method,
            String currency,
            String amount,
            String reference,
            java.time.Instant paidAt,
            String invoiceDue,
            String paidToDate,
            String outstanding) {}

    @Operation(
            operationId = "getPaymentReceipt",
            summary = "A payment's receipt",
            description =
                    "The receipt of one payment (its number in the clinic's receipt sequence, the clinic's and patient's names in Arabic and English, the amount, method and reference, and where the invoice stood right after it). Whoever may read the invoice.")
    @GetMapping("/api/v1/invoices/{invoiceId}/payments/{paymentId}/receipt")
    ReceiptResponse receipt(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID invoiceId, @PathVariable UUID paymentId) {
        com.clinic.payments.application.Receipt receipt = invoicing.receipt(actor, invoiceId, paymentId);
        return new ReceiptResponse(
                receipt.receiptNumber(),
                receipt.paymentId(),
                receipt.invoiceId(),
                receipt.invoiceNumber().orElse(null),
                receipt.clinicNameAr(),
                receipt.clinicNameEn(),
                receipt.zone().getId(),
                receipt.patientId(),
                receipt.patientNameAr(),
                receipt.patientNameEn(),
                receipt.method().name(),
                receipt.amount().currency(),
                receipt.amount().toMajor().toPlainString(),
                receipt.reference().orElse(null),
                receipt.paidAt(),
                receipt.invoiceDue().toMajor().toPlainString(),
                receipt.paidToDate().toMajor().toPlainString(),
                receipt.outstanding().toMajor().toPlainString());
    }

    @Operation(
            operationId = "addInvoiceLine",
            summary = "Add a line to a draft",
            description = "409 once the invoice is issued. If-Match is optional.")
    @PostMapping("/api/v1/invoices/{invoiceId}/lines")
    ResponseEntity<Void> addLine(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID invoiceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody InvoiceRequests.Line line) {
        long version = invoicing.addLine(actor, invoiceId, line.toInput(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    @Operation(
            operationId = "removeInvoiceLine",
            summary = "Remove a line from a draft",
            description = "409 once the invoice is issued. If-Match is optional.")
    @DeleteMapping("/api/v1/invoices/{invoiceId}/lines/{lineId}")
    ResponseEntity<Void> removeLine(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID invoiceId,
            @PathVariable UUID lineId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = invoicing.removeLine(actor, invoiceId, lineId, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    @Operation(
            operationId = "issueInvoice",
            summary = "Issue an invoice",
            description =
                    "Gives the draft the next number of the clinic's sequence (gap-free) and fixes its lines; issuing again changes nothing. If-Match is optional.")
    @PostMapping("/api/v1/invoices/{invoiceId}/issue")
    ResponseEntity<Void> issue(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID invoiceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = invoicing.issue(actor, invoiceId, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    @Operation(
            operationId = "voidInvoice",
            summary = "Void an invoice",
            description =
                    "Withdraws a draft, or an issued invoice nothing was paid on (it keeps its number); 409 when money was paid: refund instead. If-Match is optional.")
    @PostMapping("/api/v1/invoices/{invoiceId}/void")
    ResponseEntity<Void> withdraw(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID invoiceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = invoicing.withdraw(actor, invoiceId, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    @Operation(
            operationId = "recordDeskPayment",
            summary = "Record a payment at the desk",
            description =
                    "Cash or a card on the terminal (with its reference), up to what is outstanding; the payment gets the next receipt number of the clinic. Send an Idempotency-Key: a retry records nothing twice.")
    @PostMapping("/api/v1/invoices/{invoiceId}/payments")
    ResponseEntity<Created> pay(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID invoiceId,
            @Valid @RequestBody InvoiceRequests.Payment request) {
        UUID paymentId = invoicing.takePayment(
                actor, invoiceId, request.method(), request.amount(), Optional.ofNullable(request.reference()));
        return ResponseEntity.created(location(invoiceId)).body(new Created(paymentId));
    }

    @Operation(
            operationId = "refundPayment",
            summary = "Refund a payment",
            description =
                    "Money back on one payment, never more than it brought: cash out of the drawer, or the terminal's refund. Above the clinic's threshold only a manager or an administrator may (403). Send an Idempotency-Key.")
    @PostMapping("/api/v1/invoices/{invoiceId}/refunds")
    ResponseEntity<Created> refund(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID invoiceId,
            @Valid @RequestBody InvoiceRequests.Refund request) {
        UUID refundId = invoicing.refund(actor, invoiceId, request.paymentId(), request.amount(), request.reason());
        return ResponseEntity.created(location(invoiceId)).body(new Created(refundId));
    }

    @Operation(
            operationId = "creditInvoice",
            summary = "Credit or write off",
            description =
                    "Lowers what the invoice asks (an adjustment, or a write-off of what will not be collected), never below zero. Managers and administrators. Send an Idempotency-Key.")
    @PostMapping("/api/v1/invoices/{invoiceId}/credits")
    ResponseEntity<Created> credit(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID invoiceId,
            @Valid @RequestBody InvoiceRequests.Credit request) {
        UUID creditId = invoicing.credit(actor, invoiceId, request.amount(), request.kind());
        return ResponseEntity.created(location(invoiceId)).body(new Created(creditId));
    }

    @Operation(
            operationId = "listBranchInvoices",
            summary = "A branch's invoices",
            description =
                    "Newest first, optionally in some states (status=ISSUED&status=PARTLY_PAID: what the desk still has to collect). Reception of the branch, the clinic's managers, administrators, auditors.")
    @GetMapping("/api/v1/branches/{branchId}/invoices")
    PageResponse<InvoiceResponse.Summary> ofBranch(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID branchId,
            @RequestParam(required = false) Set<InvoiceStatus> status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                invoicing.ofBranch(actor, branchId, statuses(status), page(limit, after)), InvoiceResponse.Summary::of);
    }

    @Operation(
            operationId = "listPatientInvoices",
            summary = "A patient's invoices",
            description =
                    "Newest first. The patient, the clinic's managers, reception (their branch's invoices), administrators, auditors; 404 for a patient out of reach.")
    @GetMapping("/api/v1/patients/{patientId}/invoices")
    PageResponse<InvoiceResponse.Summary> ofPatient(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID patientId,
            @RequestParam(required = false) Set<InvoiceStatus> status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                invoicing.ofPatient(actor, patientId, statuses(status), page(limit, after)),
                InvoiceResponse.Summary::of);
    }

    @Operation(
            operationId = "listMyInvoices",
            summary = "My invoices",
            description = "The signed-in patient's invoices, newest first.")
    @GetMapping("/api/v1/me/invoices")
    PageResponse<InvoiceResponse.Summary> mine(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) Set<InvoiceStatus> status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                invoicing.mine(actor, statuses(status), page(limit, after)), InvoiceResponse.Summary::of);
    }

    private ResponseEntity<InvoiceResponse> answer(InvoiceView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(InvoiceResponse.of(view, this::explain));
    }

    private String explain(InvoiceResponse.ReasonText reason) {
        return messages.getMessage(
                "payment.reason." + reason.code(),
                reason.arguments().toArray(),
                reason.code(),
                LocaleContextHolder.getLocale());
    }

    private static Set<InvoiceStatus> statuses(Set<InvoiceStatus> status) {
        return status == null ? Set.of() : status;
    }

    private static PageRequest page(int limit, String after) {
        return new PageRequest(limit, Optional.ofNullable(after).filter(a -> !a.isBlank()));
    }

    private static URI location(UUID invoiceId) {
        return URI.create("/api/v1/invoices/" + invoiceId);
    }
}
