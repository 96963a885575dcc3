package com.clinic.platform.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** A dead letter keeps what failed, never the row values or SQL a database error carries. */
class DeadLetterCausesTest {

    @Test
    void anIntegrityViolationKeepsItsStateAndConstraintButNotTheRowOrTheStatement() {
        SQLException database = new SQLException(
                "ERROR: new row for relation \"patient_view\" violates check constraint \"ck_name\"\n"
                        + "  Detail: Failing row contains (Mona Al-Qahtani, 1098765432).",
                "23514");
        DataIntegrityViolationException translated = new DataIntegrityViolationException(
                "jOOQ; SQL [insert into patient_view (name) values (?)]; " + database.getMessage(), database);

        ThrowableCause cause = DeadLetterCauses.describe(translated);

        assertThat(cause.type()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(cause.message())
                .isEqualTo("SQL state 23514: new row for relation \"patient_view\" violates check constraint"
                        + " \"ck_name\"");
    }

    @Test
    void otherDatabaseErrorsKeepOnlyTheirStateAsTheirMessageMayQuoteAValue() {
        SQLException database = new SQLException("ERROR: invalid input syntax for type uuid: \"1098765432\"", "22P02");

        ThrowableCause cause = DeadLetterCauses.describe(new IllegalStateException("wrapped", database));

        assertThat(cause.type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(cause.message()).isEqualTo("SQL state 22P02");
    }

    @Test
    void anyOtherFailureKeepsTheFirstLineOfItsMessageWithinTheColumnsWidth() {
        ThrowableCause multiline = DeadLetterCauses.describe(new IllegalStateException("no branch\n\tat internals"));
        ThrowableCause longOne = DeadLetterCauses.describe(new IllegalArgumentException("x".repeat(5_000)));
        ThrowableCause none = DeadLetterCauses.describe(new NullPointerException());

        assertThat(multiline.message()).isEqualTo("no branch");
        assertThat(longOne.message()).hasSize(DeadLetterCauses.MAX_MESSAGE);
        assertThat(none.type()).isEqualTo(NullPointerException.class.getName());
        assertThat(none.message()).isNull();
    }
}
