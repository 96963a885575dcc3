package com.clinic.payments.bootstrap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The clinics' terms ({@code clinic.payments.*}): the tax their invoices carry and their refund
 * policy.
 *
 * @param terms by scope: "default", or a clinic id (that clinic's terms replace the default whole),
 *     each with tax-percent (15), full-refund-notice (24h), late-cancel-refund-percent (50),
 *     no-show-refund-percent (0) and refund-approval-above (500); built-in defaults in brackets
 */
@Validated
@ConfigurationProperties("clinic.payments")
record PaymentsProperties(@DefaultValue({}) Map<String, @Valid Terms> terms) {

    /**
     * @param taxPercent the tax on taxable lines, a percentage with at most two decimals (rounded per
     *     line, half away from zero, ADR 0026)
     * @param fullRefundNotice a patient who cancels at least this long before the start gets
     *     everything back (real elapsed time, across clock changes)
     * @param lateCancelRefundPercent the part of the price refunded when the patient cancels later
     * @param noShowRefundPercent the part of the price refunded when the patient does not come
     * @param refundApprovalAbove refunds above this amount (in the invoice's currency) are for
     *     managers and administrators only
     */
    record Terms(
            @DefaultValue("15") @DecimalMin("0") @DecimalMax("100") BigDecimal taxPercent,
            @DefaultValue("24h") Duration fullRefundNotice,
            @DefaultValue("50") @Min(0) @Max(100) int lateCancelRefundPercent,
            @DefaultValue("0") @Min(0) @Max(100) int noShowRefundPercent,
            @DefaultValue("500") @DecimalMin("0") BigDecimal refundApprovalAbove) {}
}
