package com.clinic.directory.application.port;

import java.util.Optional;

/** Port: telephone-number validation, so the application does not depend on a numbering-plan library. */
public interface PhoneNumbers {

    /**
     * The number in canonical E.164 form ({@code +9665…}) when the input is a valid, dialable number
     * written in international form (with a leading {@code +}); empty otherwise.
     */
    Optional<String> toE164(String input);
}
