/** Ports scheduling needs from adapters: notifications and read models. */
package com.clinic.scheduling.application.port;
