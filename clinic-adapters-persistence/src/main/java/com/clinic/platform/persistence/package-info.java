/** Persistence shared by every context: generated jOOQ types, subject keys and idempotency records. */
package com.clinic.platform.persistence;
