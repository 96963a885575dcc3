/** Audit storage: the audit-index projection and the query adapter over the event store. */
package com.clinic.audit.persistence;
