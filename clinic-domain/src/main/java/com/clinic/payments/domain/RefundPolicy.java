package com.clinic.payments.domain;

import com.clinic.platform.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A clinic's rule for what a cancelled or missed appointment still costs: a full refund when the
 * clinic cancels or the patient cancels at least {@code fullRefundNotice} ahead; {@code
 * lateCancelRefundPercent} of the price inside that window; {@code noShowRefundPercent} (usually
 * none) when the patient does not come. What is not refunded is the late-cancel or no-show fee.
 *
 * <p>The notice is elapsed time between the cancellation and the start, not wall-clock hours: on the
 * night the clocks move, "24 hours ahead" is still 24 real hours (ADR 0026).
 */
public record RefundPolicy(Duration fullRefundNotice, int lateCancelRefundPercent, int noShowRefundPercent) {

    /** Who ended the appointment. */
    public enum Party {
        PATIENT,
        CLINIC
    }

    /** Why the decision is what it is; shown to staff and patient with its arguments. */
    public enum Reason {
        /** The clinic cancelled: everything back. */
        CLINIC_CANCELLED("refund.clinic-cancelled"),
        /** Cancelled at least the notice ahead: everything back. Argument: the notice in hours. */
        CANCELLED_IN_TIME("refund.cancelled-in-time"),
        /** Cancelled inside the notice. Arguments: the percentage refunded, the notice in hours. */
        CANCELLED_LATE("refund.cancelled-late"),
        /** The patient did not come. Argument: the percentage refunded. */
        NO_SHOW("refund.no-show");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The stable key of the explanation, e.g. {@code refund.cancelled-late}. */
        public String code() {
            return code;
        }
    }

    /**
     * What happened: what the invoice asked for ({@code due}), what the patient has paid net of
     * earlier refunds, when the appointment was to start and when it ended.
     */
    public record Case(Money due, Money paid, Instant start, Instant endedAt, Party endedBy, boolean noShow) {
        public Case {
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(paid, "paid");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(endedAt, "endedAt");
            Objects.requireNonNull(endedBy, "endedBy");
            if (due.isNegative() || paid.isNegative() || !due.sameCurrency(paid)) {
                throw new IllegalArgumentException("due and paid are non-negative amounts of one currency");
            }
        }
    }

    /**
     * The outcome: {@code released} is the part of the price no longer owed (credited to the
     * invoice), {@code retained} the fee the clinic keeps, {@code refund} what goes back to the
     * patient now (what they paid beyond the fee; zero when they paid nothing).
     */
    public record Decision(Money released, Money retained, Money refund, Reason reason, List<Object> arguments) {
        public Decision {
            arguments = List.copyOf(arguments);
        }
    }

    public RefundPolicy {
        Objects.requireNonNull(fullRefundNotice, "fullRefundNotice");
        if (fullRefundNotice.isNegative()) {
            throw new Rejection.RuleViolated("refund-policy.notice-invalid");
        }
        if (lateCancelRefundPercent < 0
                || lateCancelRefundPercent > 100
                || noShowRefundPercent < 0
                || noShowRefundPercent > 100) {
            throw new Rejection.RuleViolated("refund-policy.percent-invalid");
        }
    }

    /**
     * The decision for this case. A percentage of the price is rounded half away from zero to the
     * minor unit; the fee is the price minus that, so the two always add up to the price.
     */
    public Decision decide(Case event) {
        Money due = event.due();
        long noticeHours = fullRefundNotice.toHours();
        if (event.endedBy() == Party.CLINIC) {
            return decision(event, due, Reason.CLINIC_CANCELLED, List.of());
        }
        if (event.noShow()) {
            return decision(
                    event, due.percent(noShowRefundPercent * 100L), Reason.NO_SHOW, List.of(noShowRefundPercent));
        }
        Duration notice = Duration.between(event.endedAt(), event.start());
        if (notice.compareTo(fullRefundNotice) >= 0) {
            return decision(event, due, Reason.CANCELLED_IN_TIME, List.of(noticeHours));
        }
        return decision(
                event,
                due.percent(lateCancelRefundPercent * 100L),
                Reason.CANCELLED_LATE,
                List.of(lateCancelRefundPercent, noticeHours));
    }

    private static Decision decision(Case event, Money released, Reason reason, List<Object> arguments) {
        Money retained = event.due().minus(released);
        Money refund = event.paid().minus(retained).max(Money.zero(event.due().currency()));
        return new Decision(released, retained, refund, reason, arguments);
    }
}
