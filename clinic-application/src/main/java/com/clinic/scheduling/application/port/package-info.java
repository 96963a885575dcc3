/** Ports scheduling needs from adapters: the parties of appointments. */
package com.clinic.scheduling.application.port;
