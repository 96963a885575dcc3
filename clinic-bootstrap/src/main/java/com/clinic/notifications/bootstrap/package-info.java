/** Notifications' wiring: the template settings from {@code clinic.notifications.templates.*} and the renderer. */
package com.clinic.notifications.bootstrap;
