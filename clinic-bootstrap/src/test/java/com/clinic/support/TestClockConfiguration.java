package com.clinic.support;

import com.clinic.testsupport.TestClock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only auto-configuration (listed in the test classpath's AutoConfiguration.imports), so every
 * application context the tests start has it without a context of its own: the shared integration
 * context and the restart test's instances alike. Services, aggregates, deadline handlers and id
 * generation all read this clock, so a test that moves it moves time for the whole application.
 */
@AutoConfiguration
public class TestClockConfiguration {

    /** Replaces the system clock in tests; it is the real clock until a test moves it. */
    @Bean
    @Primary
    TestClock testClock() {
        return TestClock.system();
    }
}
