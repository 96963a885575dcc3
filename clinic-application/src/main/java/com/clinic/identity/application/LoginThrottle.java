package com.clinic.identity.application;

import com.clinic.identity.application.AttemptBudgets.Admission;
import com.clinic.identity.application.AttemptBudgets.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Budgets of failed sign-ins (ADR 0013), taken BEFORE the password is hashed: an attempt is
 * reserved from the client's, the account-and-client pair's and the account's budgets, kept when
 * the password is wrong and given back when it is right. A refused attempt never reaches Argon2.
 *
 * <p>The tight limit is per account AND client: an attacker's guesses lock out the attacker's
 * address, not the account, so its owner still signs in from elsewhere. The account-wide limit is
 * far higher and only stops a guess spread over many addresses.
 */
@Component
class LoginThrottle {

    private final AttemptBudgets budgets;
    private final IdentitySettings settings;

    LoginThrottle(AttemptBudgets budgets, IdentitySettings settings) {
        this.budgets = budgets;
        this.settings = settings;
    }

    /** Reserves one attempt, or throws {@link LoginThrottled} when a budget is used up. */
    Admission admit(String accountIndex, String clientIndex) {
        IdentitySettings.SignInLimits limits = settings.signIn();
        return budgets.takeAll(
                LoginThrottled.CODE,
                List.of(
                        client(clientIndex),
                        pair(accountIndex, clientIndex),
                        new Budget("signin:account:" + accountIndex, limits.perAccount())));
    }

    /** How long this client is still refused, as far as this instance knows without a round trip. */
    Optional<Duration> knownClientRefusal(String clientIndex) {
        return budgets.knownRefusal(client(clientIndex));
    }

    /**
     * A right password: the attempt was no failure, so it costs no budget, and the owner's earlier
     * typos from this client are forgiven.
     */
    void succeeded(Admission admission, String accountIndex, String clientIndex) {
        budgets.giveBack(admission);
        budgets.refill(pair(accountIndex, clientIndex));
    }

    private Budget client(String clientIndex) {
        return new Budget("signin:client:" + clientIndex, settings.signIn().perClient());
    }

    private Budget pair(String accountIndex, String clientIndex) {
        return new Budget(
                "signin:pair:" + accountIndex + ":" + clientIndex,
                settings.signIn().perAccountAndClient());
    }
}
