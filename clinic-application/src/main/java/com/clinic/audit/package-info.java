/**
 * Audit: read-only access for auditors to every event the system has recorded, and who caused it.
 * It reads the event store of every context, so it depends on nothing but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
package com.clinic.audit;
