/** What scheduling publishes for other contexts, end to end on the shared application and PostgreSQL. */
package com.clinic.scheduling.facts;
