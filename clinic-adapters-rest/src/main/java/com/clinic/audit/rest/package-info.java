/** HTTP API of the audit trail, for auditors and administrators. */
package com.clinic.audit.rest;
