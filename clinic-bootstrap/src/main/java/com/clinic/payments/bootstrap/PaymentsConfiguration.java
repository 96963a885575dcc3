package com.clinic.payments.bootstrap;

import com.clinic.payments.application.PaymentsSettings;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
