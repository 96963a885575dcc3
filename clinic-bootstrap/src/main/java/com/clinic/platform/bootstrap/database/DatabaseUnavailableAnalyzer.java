package com.clinic.platform.bootstrap.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports {@link DatabaseUnavailable} as its sentence and action, without a stack trace. */
public final class DatabaseUnavailableAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailable cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
