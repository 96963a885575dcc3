package com.clinic.directory.rest;

import com.clinic.directory.application.FieldChecks;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value, when present, is an IANA time zone; reported per field in a 400 problem. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTimeZone.Checker.class)
public @interface ValidTimeZone {

    String message() default "{field.invalid-time-zone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator; Spring creates it, so it can use application ports. */
    class Checker implements ConstraintValidator<ValidTimeZone, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FieldChecks.isTimeZone(value);
        }
    }
}
