package com.clinic.payments.external;

import com.clinic.payments.application.port.CardPayments;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether card payments can be taken and, if not, why. Always UP: an installation without a Stripe
 * key takes payments at the desk, and taking the instance out of the load balancer would fix nothing.
 */
@Component("cardPayments")
class CardPaymentsHealthIndicator implements HealthIndicator {

    private final CardPayments cardPayments;

    CardPaymentsHealthIndicator(CardPayments cardPayments) {
        this.cardPayments = cardPayments;
    }

    @Override
    public Health health() {
        CardPayments.Availability availability = cardPayments.availability();
        Health.Builder health = Health.up()
                .withDetail("provider", availability.provider())
                .withDetail("available", availability.available());
        availability.reason().ifPresent(reason -> health.withDetail("reason", reason));
        return health.build();
    }
}
