/** The port that remembers the first response to an {@code Idempotency-Key}. */
package com.clinic.platform.application.idempotency;
