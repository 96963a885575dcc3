/** Scheduling use cases and the ports their adapters implement. */
package com.clinic.scheduling.application;
