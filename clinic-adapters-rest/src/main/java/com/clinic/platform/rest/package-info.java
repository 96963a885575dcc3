/** HTTP conventions every endpoint follows: RFC 9457 problems, idempotency keys, ETags, request context. */
package com.clinic.platform.rest;
