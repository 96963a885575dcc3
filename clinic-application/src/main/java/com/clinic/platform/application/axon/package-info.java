/** Axon glue: routing of plain-record commands, the decider-backed aggregate base and message metadata. */
package com.clinic.platform.application.axon;
