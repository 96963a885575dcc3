package com.clinic.directory.rest;

import com.clinic.directory.application.port.PhoneNumbers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value, when present, is a valid international phone number (E.164); reported per field in a 400 problem. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPhone.Checker.class)
public @interface ValidPhone {

    String message() default "{field.invalid-phone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator; Spring creates it, so it can use application ports. */
    class Checker implements ConstraintValidator<ValidPhone, String> {
        private final PhoneNumbers phones;

        public Checker(PhoneNumbers phones) {
            this.phones = phones;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || phones.toE164(value).isPresent();
        }
    }
}
