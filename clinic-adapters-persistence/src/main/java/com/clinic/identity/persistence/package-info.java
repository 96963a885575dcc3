/**
 * Identity's tables: credentials, sessions and refresh tokens, the attempt limits' buckets, and the
 * users read model; and, read only, the directory's clinic and branch tables that staff scopes are
 * checked against.
 */
package com.clinic.identity.persistence;
