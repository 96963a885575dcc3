/** Identity's tables: credentials, sessions and refresh tokens, sign-in failures, and the users read model. */
package com.clinic.identity.persistence;
