/** The benchmark harness: data seeding, resilience drills and the report, driven by {@code bench/run}. */
package com.clinic.bench;
