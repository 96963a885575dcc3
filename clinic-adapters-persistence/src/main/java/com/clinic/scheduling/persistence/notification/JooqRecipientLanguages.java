package com.clinic.scheduling.persistence.notification;

import static com.clinic.platform.persistence.jooq.Tables.PATIENT_VIEW;

import com.clinic.scheduling.application.notification.RecipientLanguages;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A user's preferred language, today known for patients only (the directory's patient_view); staff
 * are answered in the language of their request.
 */
@Repository
class JooqRecipientLanguages implements RecipientLanguages {

    private final DSLContext db;

    JooqRecipientLanguages(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<String> preferredLanguage(UUID userId) {
        return db.select(PATIENT_VIEW.PREFERRED_LANGUAGE)
                .from(PATIENT_VIEW)
                .where(PATIENT_VIEW.USER_ID.eq(userId))
                .orderBy(PATIENT_VIEW.PATIENT_ID)
                .limit(1)
                .fetchOptional(PATIENT_VIEW.PREFERRED_LANGUAGE)
                .filter(language -> !language.isBlank());
    }
}
