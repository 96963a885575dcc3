/** Tests of the audit trail against the real event store. */
package com.clinic.audit;
