/** What the seeder and the drills share: a small JSON-over-HTTP client and command-line options. */
package com.clinic.bench.support;
