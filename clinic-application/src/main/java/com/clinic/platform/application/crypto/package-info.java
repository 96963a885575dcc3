/** Encryption at rest: per-subject keys for crypto-shredding, a configured key for read models, blind indexes. */
package com.clinic.platform.application.crypto;
