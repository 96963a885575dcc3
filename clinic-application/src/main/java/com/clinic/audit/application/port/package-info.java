/** What the audit context needs from storage: reading the event store and its audit index. */
package com.clinic.audit.application.port;
