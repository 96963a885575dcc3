package com.clinic.payments.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.payments.application.port.NumberSequences.Series;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(PostgresTestDatabase.class)
class JooqNumberSequencesTest {

    private final JooqNumberSequences sequences;
    private final TransactionTemplate transactions;

    JooqNumberSequencesTest(DSLContext db, TransactionTemplate transactions) {
        this.sequences = new JooqNumberSequences(db);
        this.transactions = transactions;
    }

    @Test
    void eachClinicAndSeriesCountsFromOne() {
        UUID clinic = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        assertThat(sequences.next(clinic, Series.INVOICE)).isEqualTo(1);
        assertThat(sequences.next(clinic, Series.INVOICE)).isEqualTo(2);
        assertThat(sequences.next(clinic, Series.RECEIPT)).isEqualTo(1);
        assertThat(sequences.next(other, Series.INVOICE)).isEqualTo(1);
    }

    @Test
    void aNumberTakenByATransactionThatRollsBackGoesToTheNextOne() {
        UUID clinic = UUID.randomUUID();
        sequences.next(clinic, Series.INVOICE);

        transactions.executeWithoutResult(status -> {
            assertThat(sequences.next(clinic, Series.INVOICE)).isEqualTo(2);
            status.setRollbackOnly();
        });

        assertThat(sequences.next(clinic, Series.INVOICE)).isEqualTo(2);
    }

    @Test
    void desksTakingNumbersAtOnceGetEveryNumberOnce() throws Exception {
        UUID clinic = UUID.randomUUID();
        ExecutorService desks = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> takes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                takes.add(() -> transactions.execute(status -> sequences.next(clinic, Series.RECEIPT)));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> taken : desks.invokeAll(takes)) {
                numbers.add(taken.get());
            }
            assertThat(numbers)
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 40)
                            .boxed()
                            .toList());
        } finally {
            desks.shutdownNow();
        }
    }
}
