/** Audit: read-only access for auditors to every event the system has recorded, and who caused it. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.clinic.audit;
