/** Ports scheduling needs from adapters: the parties of appointments, the claim ledger. */
package com.clinic.scheduling.application.port;
