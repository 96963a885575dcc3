package com.clinic.identity.persistence;

import static com.clinic.identity.persistence.jooq.Tables.USER_ACCOUNT_VIEW;
import static com.clinic.identity.persistence.jooq.Tables.USER_CREDENTIAL;

import com.clinic.identity.application.port.UserAccountQueries;
import com.clinic.identity.domain.AccountStatus;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Administrators' view of accounts: keyset pages in user-id order (time-ordered UUIDs, so roughly
 * by creation), with e-mail and phone decrypted from the credential table for display.
 */
@Repository
class JooqUserAccountQueries implements UserAccountQueries {

    private final DSLContext db;
    private final FieldCipher cipher;

    JooqUserAccountQueries(DSLContext db, FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public Page<UserAccountView> list(Filter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        filter.role().ifPresent(role -> conditions.add(USER_ACCOUNT_VIEW.ROLE.eq(role.name())));
        filter.status().ifPresent(status -> conditions.add(USER_ACCOUNT_VIEW.STATUS.eq(status.name())));
        page.after()
                .map(JooqUserAccountQueries::decodeCursor)
                .ifPresent(after -> conditions.add(USER_ACCOUNT_VIEW.USER_ID.gt(after)));
        List<UserAccountView> rows = db.select(
                        USER_ACCOUNT_VIEW.asterisk(), USER_CREDENTIAL.EMAIL_ENCRYPTED, USER_CREDENTIAL.PHONE_ENCRYPTED)
                .from(USER_ACCOUNT_VIEW)
                .leftJoin(USER_CREDENTIAL)
                .on(USER_CREDENTIAL.USER_ID.eq(USER_ACCOUNT_VIEW.USER_ID))
                .where(DSL.and(conditions))
                .orderBy(USER_ACCOUNT_VIEW.USER_ID)
                .limit(page.limit() + 1)
                .fetch(this::toView);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<UserAccountView> items = rows.subList(0, page.limit());
        return new Page<>(items, Optional.of(encodeCursor(items.getLast().userId())));
    }

    @Override
    public Optional<UserAccountView> find(UUID userId) {
        return db.select(USER_ACCOUNT_VIEW.asterisk(), USER_CREDENTIAL.EMAIL_ENCRYPTED, USER_CREDENTIAL.PHONE_ENCRYPTED)
                .from(USER_ACCOUNT_VIEW)
                .leftJoin(USER_CREDENTIAL)
                .on(USER_CREDENTIAL.USER_ID.eq(USER_ACCOUNT_VIEW.USER_ID))
                .where(USER_ACCOUNT_VIEW.USER_ID.eq(userId))
                .fetchOptional(this::toView);
    }

    private UserAccountView toView(Record row) {
        return new UserAccountView(
                row.get(USER_ACCOUNT_VIEW.USER_ID),
                Role.valueOf(row.get(USER_ACCOUNT_VIEW.ROLE)),
                AccountStatus.valueOf(row.get(USER_ACCOUNT_VIEW.STATUS)),
                Optional.ofNullable(row.get(USER_ACCOUNT_VIEW.CLINIC_ID)),
                Optional.ofNullable(row.get(USER_ACCOUNT_VIEW.BRANCH_ID)),
                Optional.ofNullable(row.get(USER_CREDENTIAL.EMAIL_ENCRYPTED)).map(cipher::decrypt),
                Optional.ofNullable(row.get(USER_CREDENTIAL.PHONE_ENCRYPTED)).map(cipher::decrypt),
                row.get(USER_ACCOUNT_VIEW.VERSION),
                row.get(USER_ACCOUNT_VIEW.CREATED_AT));
    }

    private static String encodeCursor(UUID userId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(userId.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static UUID decodeCursor(String cursor) {
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new Rejection.RuleViolated("page.cursor-invalid");
        }
    }
}
