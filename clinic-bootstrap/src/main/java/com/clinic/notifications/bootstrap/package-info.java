/** Notifications' wiring: the channels' settings ({@code clinic.notifications.*}) and their providers' adapters. */
package com.clinic.notifications.bootstrap;
