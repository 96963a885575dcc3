package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.CARD_PAYMENT_VIEW;

import com.clinic.payments.application.port.CardPaymentReadModel;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.card.CardPaymentStatus;
import com.clinic.payments.persistence.jooq.tables.records.CardPaymentViewRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

@Component
class JooqCardPaymentReadModel implements CardPaymentReadModel {

    private final DSLContext db;

    JooqCardPaymentReadModel(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<CardPaymentView> pendingSince(Instant before, int limit) {
        return db.selectFrom(CARD_PAYMENT_VIEW)
                .where(
                        CARD_PAYMENT_VIEW.FINAL.isFalse(),
                        CARD_PAYMENT_VIEW.INTENT_ID.isNotNull(),
                        CARD_PAYMENT_VIEW.REQUESTED_AT.le(before))
                .orderBy(CARD_PAYMENT_VIEW.REQUESTED_AT)
                .limit(limit)
                .fetch(JooqCardPaymentReadModel::view);
    }

    private static CardPaymentView view(CardPaymentViewRecord row) {
        return new CardPaymentView(
                row.getPaymentId(),
                row.getInvoiceId(),
                row.getClinicId(),
                row.getPatientId(),
                new Money(row.getAmountMinor(), row.getCurrency()),
                Optional.ofNullable(row.getIntentId()),
                CardPaymentStatus.valueOf(row.getStatus()),
                row.getRequestedAt(),
                row.getVersion());
    }
}
