package com.clinic.identity.application;

import com.clinic.identity.application.AttemptBudgets.Admission;
import com.clinic.identity.application.AttemptBudgets.Budget;
import com.clinic.platform.application.crypto.FieldCipher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Budgets of self-registrations per client address and per e-mail or phone (ADR 0013), taken
 * before the password is hashed and kept whatever the outcome: a registration that succeeds is
 * exactly what a spammer repeats, and one refused as taken is how identifiers are enumerated.
 */
@Component
class RegistrationThrottle {

    private final AttemptBudgets budgets;
    private final FieldCipher cipher;
    private final IdentitySettings settings;

    RegistrationThrottle(AttemptBudgets budgets, FieldCipher cipher, IdentitySettings settings) {
        this.budgets = budgets;
        this.cipher = cipher;
        this.settings = settings;
    }

    /** Throws {@link LoginThrottled} ({@code auth.too-many-registrations}) when a budget is used up. */
    Admission admit(String clientAddress, Optional<String> email, Optional<String> phone) {
        IdentitySettings.RegistrationLimits limits = settings.registration();
        List<Budget> wanted = new ArrayList<>(3);
        wanted.add(client(clientAddress));
        for (Optional<String> identifier : List.of(email, phone)) {
            identifier
                    .filter(raw -> !raw.isBlank())
                    .map(raw -> LoginIdentifiers.login(raw).orElse(raw.strip()))
                    .ifPresent(login ->
                            wanted.add(new Budget("register:login:" + cipher.blindIndex(login), limits.perLogin())));
        }
        return budgets.takeAll(LoginThrottled.REGISTRATIONS_CODE, wanted);
    }

    /** How long this client is still refused, as far as this instance knows without a round trip. */
    Optional<Duration> knownClientRefusal(String clientAddress) {
        return budgets.knownRefusal(client(clientAddress));
    }

    private Budget client(String clientAddress) {
        return new Budget(
                "register:client:" + cipher.blindIndex("client:" + clientAddress),
                settings.registration().perClient());
    }
}
