package com.clinic.directory.external;

import com.clinic.directory.application.port.PhoneNumbers;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Phone numbers checked against Google's numbering-plan metadata: only numbers written
 * internationally (leading {@code +}) are accepted, because the clinic chain spans countries and a
 * national number alone is ambiguous.
 */
@Component
public class LibPhoneNumbers implements PhoneNumbers {

    private static final int MAX_INPUT = 32;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public Optional<String> toE164(String input) {
        if (input == null || input.length() > MAX_INPUT || !input.strip().startsWith("+")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(input.strip(), null);
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
