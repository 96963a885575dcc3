package com.clinic.identity.application;

import com.clinic.identity.application.port.AttemptLimiter;
import com.clinic.identity.application.port.AttemptLimiter.Limit;
import com.clinic.identity.application.port.AttemptLimiter.Take;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Takes one attempt from each of several budgets, all or none: when one budget is used up, the
 * attempts already taken from the others are given back, so a refused attempt costs nobody anything.
 */
@Component
class AttemptBudgets {

    /** One budget: a key (a blind index, never a raw address or login) under a limit. */
    record Budget(String key, Limit limit) {}

    /** The budgets an admitted attempt was taken from, and what was left of the first one. */
    record Admission(List<Budget> budgets, long firstRemaining) {

        /** The share of the first budget still unused, 0 to 100: a client with recent failures gets less. */
        int priority() {
            int attempts = budgets.getFirst().limit().attempts();
            return (int) Math.min(100, (firstRemaining + 1) * 100 / attempts);
        }
    }

    private final AttemptLimiter limiter;

    AttemptBudgets(AttemptLimiter limiter) {
        this.limiter = limiter;
    }

    /** Throws {@link LoginThrottled} with {@code code} when any budget is used up. */
    Admission takeAll(String code, List<Budget> budgets) {
        List<Budget> taken = new ArrayList<>(budgets.size());
        long firstRemaining = 0;
        for (Budget budget : budgets) {
            Take take = limiter.tryTake(budget.key(), budget.limit());
            if (!take.taken()) {
                giveBack(taken);
                Duration wait = take.retryAfter().compareTo(Duration.ofSeconds(1)) < 0
                        ? Duration.ofSeconds(1)
                        : take.retryAfter();
                throw new LoginThrottled(code, wait);
            }
            if (taken.isEmpty()) {
                firstRemaining = take.remaining();
            }
            taken.add(budget);
        }
        return new Admission(List.copyOf(taken), firstRemaining);
    }

    Optional<Duration> knownRefusal(Budget budget) {
        return limiter.knownRefusal(budget.key(), budget.limit());
    }

    void giveBack(Admission admission) {
        giveBack(admission.budgets());
    }

    void refill(Budget budget) {
        limiter.refill(budget.key(), budget.limit());
    }

    private void giveBack(List<Budget> budgets) {
        budgets.forEach(budget -> limiter.giveBack(budget.key(), budget.limit()));
    }
}
