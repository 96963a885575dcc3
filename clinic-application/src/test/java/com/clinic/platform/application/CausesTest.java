package com.clinic.platform.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void theChainStartsWithTheFailureAndEndsAtTheRootCause() {
        IOException root = new IOException("disk");
        RuntimeException failure = new IllegalStateException("outer", new UncheckedIOException(root));

        assertThat(Causes.chain(failure)).hasSize(3).startsWith(failure).endsWith(root);
        assertThat(Causes.root(failure)).isSameAs(root);
        assertThat(Causes.find(failure, IOException.class)).containsSame(root);
        assertThat(Causes.find(failure, IllegalArgumentException.class)).isEmpty();
        assertThat(Causes.any(failure, cause -> cause.getMessage().equals("disk")))
                .isTrue();
    }

    @Test
    void aCycleOfCausesEndsTheWalkInsteadOfLooping() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(Causes.chain(second)).containsExactly(second, first);
    }
}
