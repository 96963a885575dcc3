/** Identity's tables: credentials, sessions and refresh tokens, the attempt limits' buckets, and the users read model. */
package com.clinic.identity.persistence;
