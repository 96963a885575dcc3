package com.clinic.payments.domain.card;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.card.CardPaymentCommand.AttachIntent;
import com.clinic.payments.domain.card.CardPaymentCommand.ReportStatus;
import com.clinic.payments.domain.card.CardPaymentCommand.RequestCardPayment;
import com.clinic.payments.domain.card.CardPaymentEvent.CardIntentAttached;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentRequested;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentStatusChanged;
import com.clinic.payments.domain.card.CardPaymentEvent.CardReportIgnored;
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardPaymentDeciderTest {

    private static final UUID PAYMENT = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID INVOICE = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-00000000c001");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-00000000d001");
    private static final Money AMOUNT = new Money(17_250, "SAR");
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final String INTENT = "pi_3Q";
    private static final CardPaymentDecider DECIDER = new CardPaymentDecider();

    private final DeciderSpecification<CardPaymentCommand, CardPaymentEvent, CardPaymentState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static final CardPaymentRequested REQUESTED =
            new CardPaymentRequested(PAYMENT, INVOICE, CLINIC, PATIENT, AMOUNT, AT, PATIENT);
    private static final CardIntentAttached ATTACHED =
            new CardIntentAttached(PAYMENT, INTENT, CardPaymentStatus.REQUIRES_PAYMENT_METHOD, AT);

    private static ReportStatus report(String eventId, CardPaymentStatus status, int second) {
        return new ReportStatus(PAYMENT, eventId, INTENT, status, AT.plusSeconds(second), AT.plusSeconds(60));
    }

    private static CardPaymentStatusChanged changed(
            String eventId, CardPaymentStatus from, CardPaymentStatus to, int second) {
        return new CardPaymentStatusChanged(
                PAYMENT, INVOICE, AMOUNT, INTENT, eventId, from, to, AT.plusSeconds(second), AT.plusSeconds(60));
    }

    @Test
    void aPaymentIsRequestedOnceForItsInvoiceAndAmount() {
        spec.when(new RequestCardPayment(PAYMENT, INVOICE, CLINIC, PATIENT, AMOUNT, AT, PATIENT))
                .then(REQUESTED);
        spec.given(REQUESTED)
                .when(new RequestCardPayment(PAYMENT, INVOICE, CLINIC, PATIENT, AMOUNT, AT, PATIENT))
                .thenNothing();
        spec.given(REQUESTED)
                .when(new RequestCardPayment(PAYMENT, INVOICE, CLINIC, PATIENT, new Money(1, "SAR"), AT, PATIENT))
                .thenRejects(Rejection.Conflict.class, "card-payment.id-reused");
    }

    @Test
    void theProvidersIntentIsAttachedOnce() {
        spec.given(REQUESTED)
                .when(new AttachIntent(PAYMENT, INTENT, CardPaymentStatus.REQUIRES_PAYMENT_METHOD, AT))
                .then(ATTACHED);
        spec.given(REQUESTED, ATTACHED)
                .when(new AttachIntent(PAYMENT, INTENT, CardPaymentStatus.REQUIRES_PAYMENT_METHOD, AT))
                .thenNothing();
        spec.given(REQUESTED, ATTACHED)
                .when(new AttachIntent(PAYMENT, "pi_other", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, AT))
                .thenRejects(Rejection.Conflict.class, "card-payment.intent-mismatch");
    }

    @Test
    void aReportMovesThePaymentAndARedeliveredOneRecordsNothing() {
        spec.given(REQUESTED, ATTACHED)
                .when(report("evt_1", CardPaymentStatus.SUCCEEDED, 5))
                .then(changed("evt_1", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, CardPaymentStatus.SUCCEEDED, 5));
        spec.given(
                        REQUESTED,
                        ATTACHED,
                        changed("evt_1", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, CardPaymentStatus.SUCCEEDED, 5))
                .when(report("evt_1", CardPaymentStatus.SUCCEEDED, 5))
                .thenNothing();
    }

    @Test
    void aLateProcessingNeverOverwritesSucceeded() {
        spec.given(
                        REQUESTED,
                        ATTACHED,
                        changed("evt_2", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, CardPaymentStatus.SUCCEEDED, 5))
                .when(report("evt_1", CardPaymentStatus.PROCESSING, 3))
                .then(new CardReportIgnored(
                        PAYMENT,
                        "evt_1",
                        CardPaymentStatus.PROCESSING,
                        CardPaymentStatus.SUCCEEDED,
                        AT.plusSeconds(60)));
    }

    @Test
    void anOlderReportIsIgnoredAndATieGoesToTheFurtherState() {
        CardPaymentStatusChanged failed =
                changed("evt_2", CardPaymentStatus.PROCESSING, CardPaymentStatus.REQUIRES_PAYMENT_METHOD, 9);
        spec.given(
                        REQUESTED,
                        ATTACHED,
                        changed("evt_1", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, CardPaymentStatus.PROCESSING, 4),
                        failed)
                .when(report("evt_0", CardPaymentStatus.REQUIRES_ACTION, 2))
                .then(new CardReportIgnored(
                        PAYMENT,
                        "evt_0",
                        CardPaymentStatus.REQUIRES_ACTION,
                        CardPaymentStatus.REQUIRES_PAYMENT_METHOD,
                        AT.plusSeconds(60)));
        spec.given(
                        REQUESTED,
                        ATTACHED,
                        changed("evt_1", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, CardPaymentStatus.PROCESSING, 4))
                .when(report("evt_2", CardPaymentStatus.SUCCEEDED, 4))
                .then(changed("evt_2", CardPaymentStatus.PROCESSING, CardPaymentStatus.SUCCEEDED, 4));
    }

    @Test
    void aFailedAttemptLeavesThePaymentOpenForAnotherCard() {
        spec.given(
                        REQUESTED,
                        ATTACHED,
                        changed("evt_1", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, CardPaymentStatus.PROCESSING, 4),
                        changed("evt_2", CardPaymentStatus.PROCESSING, CardPaymentStatus.REQUIRES_PAYMENT_METHOD, 9))
                .when(report("evt_3", CardPaymentStatus.SUCCEEDED, 30))
                .then(changed("evt_3", CardPaymentStatus.REQUIRES_PAYMENT_METHOD, CardPaymentStatus.SUCCEEDED, 30));
    }

    @Test
    void aReportAboutAnotherIntentIsRefused() {
        spec.given(REQUESTED, ATTACHED)
                .when(new ReportStatus(PAYMENT, "evt_9", "pi_other", CardPaymentStatus.SUCCEEDED, AT, AT))
                .thenRejects(Rejection.Conflict.class, "card-payment.intent-mismatch");
        spec.when(report("evt_9", CardPaymentStatus.SUCCEEDED, 1))
                .thenRejects(Rejection.NotFound.class, "card-payment.not-found");
    }
}
