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

/** The value, when present, is an ISO 639-1 language; reported per field in a 400 problem. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidLanguage.Checker.class)
public @interface ValidLanguage {

    String message() default "{field.invalid-language}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator; Spring creates it, so it can use application ports. */
    class Checker implements ConstraintValidator<ValidLanguage, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FieldChecks.isLanguage(value);
        }
    }
}
