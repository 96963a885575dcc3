/** HTTP API for operating the system: projection status, replays and dead letters, for administrators and auditors. */
package com.clinic.platform.rest.operations;
