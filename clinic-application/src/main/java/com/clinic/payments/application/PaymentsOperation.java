package com.clinic.payments.application;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Grant.inOwnBranch;
import static com.clinic.platform.application.access.Grant.inOwnClinic;
import static com.clinic.platform.application.access.Grant.ownPatientRecord;
import static com.clinic.platform.application.access.Refusal.asNotFound;
import static com.clinic.platform.application.access.Refusal.forbidden;
import static com.clinic.platform.domain.Role.ADMIN;
import static com.clinic.platform.domain.Role.AUDITOR;
import static com.clinic.platform.domain.Role.MANAGER;
import static com.clinic.platform.domain.Role.RECEPTIONIST;

import com.clinic.platform.application.access.Grant;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Refusal;
import com.clinic.platform.application.access.Rule;
import java.util.List;

/**
 * The payments access table. Reception invoices and takes money in its branch, managers in their
 * clinic; patients see their own invoices; auditors read everything and change nothing. An invoice's
 * existence is the patient's business, so one out of reach answers as an unknown one (404).
 */
public enum PaymentsOperation implements Operation {
    /** Draft an invoice at a branch. */
    DRAFT_INVOICE(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** Edit an invoice's lines, issue or void it. */
    INVOICE(asNotFound("invoice.not-found"), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** Record cash or a card-terminal payment at the desk. */
    TAKE_PAYMENT(asNotFound("invoice.not-found"), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** Pay an invoice by card online (the patient), or start that payment for them (the desk). */
    PAY_BY_CARD(
            asNotFound("invoice.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownPatientRecord()),
    /** Open and close a desk's cash drawer, and read its count. */
    CASH_DRAWER(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** Give money back, up to the clinic's approval threshold. */
    REFUND(asNotFound("invoice.not-found"), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** Give back more than the threshold, credit or write off what is owed. */
    APPROVE_REFUND(asNotFound("invoice.not-found"), anywhere(ADMIN), inOwnClinic(MANAGER)),
    READ_INVOICE(
            asNotFound("invoice.not-found"),
            anywhere(ADMIN, AUDITOR),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownPatientRecord()),
    /** A branch's or a clinic's invoices (the desk's list, the takings). */
    LIST_INVOICES(forbidden(), anywhere(ADMIN, AUDITOR), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** The signed-in patient's own invoices. */
    OWN_INVOICES(forbidden(), ownPatientRecord()),
    /** A patient's invoices. */
    LIST_PATIENT_INVOICES(
            asNotFound("patient.not-found"),
            anywhere(ADMIN, AUDITOR),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownPatientRecord());

    private final Rule rule;

    PaymentsOperation(Refusal refusal, Grant... grants) {
        this.rule = new Rule(refusal, List.of(grants));
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
