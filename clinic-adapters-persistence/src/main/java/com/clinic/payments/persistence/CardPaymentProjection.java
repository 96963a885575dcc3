package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.CARD_PAYMENT_VIEW;

import com.clinic.payments.domain.card.CardPaymentEvent.CardIntentAttached;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentRequested;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentStatusChanged;
import com.clinic.payments.domain.card.CardPaymentStatus;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Builds card_payment_view; every update moves a row forward in version only. */
@Component
@ProcessingGroup("payments-card-payments")
class CardPaymentProjection {

    private final DSLContext db;

    CardPaymentProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(CardPaymentRequested event, @SequenceNumber long version) {
        db.insertInto(CARD_PAYMENT_VIEW)
                .set(CARD_PAYMENT_VIEW.PAYMENT_ID, event.paymentId())
                .set(CARD_PAYMENT_VIEW.INVOICE_ID, event.invoiceId())
                .set(CARD_PAYMENT_VIEW.CLINIC_ID, event.clinicId())
                .set(CARD_PAYMENT_VIEW.PATIENT_ID, event.patientId())
                .set(CARD_PAYMENT_VIEW.AMOUNT_MINOR, event.amount().minor())
                .set(CARD_PAYMENT_VIEW.CURRENCY, event.amount().currency())
                .set(CARD_PAYMENT_VIEW.STATUS, CardPaymentStatus.REQUESTED.name())
                .set(CARD_PAYMENT_VIEW.REQUESTED_AT, event.at())
                .set(CARD_PAYMENT_VIEW.UPDATED_AT, event.at())
                .set(CARD_PAYMENT_VIEW.VERSION, version)
                .onConflict(CARD_PAYMENT_VIEW.PAYMENT_ID)
                .doNothing()
                .execute();
    }

    @EventHandler
    void on(CardIntentAttached event, @SequenceNumber long version) {
        update(event.paymentId(), event.intentId(), event.status(), event.at(), version);
    }

    @EventHandler
    void on(CardPaymentStatusChanged event, @SequenceNumber long version) {
        update(event.paymentId(), event.intentId(), event.status(), event.at(), version);
    }

    @ResetHandler
    void reset() {
        db.truncate(CARD_PAYMENT_VIEW).execute();
    }

    private void update(UUID paymentId, String intentId, CardPaymentStatus status, Instant at, long version) {
        db.update(CARD_PAYMENT_VIEW)
                .set(CARD_PAYMENT_VIEW.INTENT_ID, intentId)
                .set(CARD_PAYMENT_VIEW.STATUS, status.name())
                .set(CARD_PAYMENT_VIEW.FINAL, status.isFinal())
                .set(CARD_PAYMENT_VIEW.UPDATED_AT, at)
                .set(CARD_PAYMENT_VIEW.VERSION, version)
                .where(CARD_PAYMENT_VIEW.PAYMENT_ID.eq(paymentId), CARD_PAYMENT_VIEW.VERSION.lt(version))
                .execute();
    }
}
