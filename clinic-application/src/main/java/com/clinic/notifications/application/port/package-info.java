/** What notifications needs from adapters: the channels' providers, their signed reports, its stores. */
package com.clinic.notifications.application.port;
