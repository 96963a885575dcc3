package com.clinic.payments.bootstrap;

import com.clinic.payments.application.CardCheckout;
import com.clinic.payments.application.CardPaymentPosting;
import com.clinic.payments.application.CardPaymentSettings;
import com.clinic.payments.application.CardRefunds;
import com.clinic.payments.application.PaymentsSettings;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.external.StripeCardPayments;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Payments' settings record; a bad value (or a scope that is neither "default" nor a clinic id) stops the start. */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    /** 15 % VAT; everything back a day ahead, half inside it, nothing for a no-show; refunds above 500 need a manager. */
    private static final PaymentsProperties.Terms DEFAULT_TERMS =
            new PaymentsProperties.Terms(new BigDecimal("15"), Duration.ofHours(24), 50, 0, new BigDecimal("500"));

    @Bean
    PaymentsSettings paymentsSettings(PaymentsProperties properties) {
        Map<String, PaymentsSettings.Terms> terms = new LinkedHashMap<>();
        terms.put(PaymentsSettings.DEFAULT, terms(DEFAULT_TERMS));
        properties.terms().forEach((scope, configured) -> {
            if (!scope.equals(PaymentsSettings.DEFAULT)) {
                try {
                    UUID.fromString(scope);
                } catch (IllegalArgumentException notAnId) {
                    throw new IllegalArgumentException(
                            "clinic.payments.terms." + scope + ": a scope is \"default\" or a clinic id", notAnId);
                }
            }
            terms.put(scope, terms(configured));
        });
        return new PaymentsSettings(terms);
    }

    @Bean
    CardPaymentSettings cardPaymentSettings(CardPaymentProperties card) {
        return new CardPaymentSettings(
                card.enabled(),
                present(card.secretKey()),
                present(card.webhookSecret()),
                card.webhookTolerance(),
                present(card.baseUrl()).map(URI::create),
                card.maxNetworkRetries(),
                card.connectTimeout(),
                card.readTimeout());
    }

    @Bean
    StripeCardPayments stripeCardPayments(CardPaymentSettings settings) {
        return new StripeCardPayments(settings);
    }

    /**
     * Asks Stripe about payments that stayed unfinished, on one instance at a time (a db-scheduler
     * recurring task): a webhook that never came cannot leave a paid invoice unpaid.
     */
    @Bean
    RecurringTask<Void> cardPaymentReconciliation(CardPaymentProperties card, ObjectProvider<CardCheckout> checkout) {
        return Tasks.recurring("payments-card-reconciliation", FixedDelay.of(card.reconcileEvery()))
                .execute((instance, context) -> checkout.getObject().reconcile(card.reconcileAfter(), 100));
    }

    /**
     * Payments' processes fail their step on any error, so the processor tries again: a succeeded
     * card payment is never left unposted, nor a refund owed to a card left unmade.
     */
    @Bean
    ConfigurerModule paymentsProcessing() {
        return configurer -> {
            for (String group : List.of(CardPaymentPosting.PROCESSING_GROUP, CardRefunds.PROCESSING_GROUP)) {
                configurer
                        .eventProcessing()
                        .registerListenerInvocationErrorHandler(
                                group, configuration -> PropagatingErrorHandler.instance());
            }
        };
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static PaymentsSettings.Terms terms(PaymentsProperties.Terms configured) {
        return new PaymentsSettings.Terms(
                TaxRate.ofPercent(configured.taxPercent()),
                new RefundPolicy(
                        configured.fullRefundNotice(),
                        configured.lateCancelRefundPercent(),
                        configured.noShowRefundPercent()),
                configured.refundApprovalAbove());
    }
}
