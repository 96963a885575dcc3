/** HTTP API for operating the system: projection status and replays, for administrators and auditors. */
package com.clinic.platform.rest.operations;
