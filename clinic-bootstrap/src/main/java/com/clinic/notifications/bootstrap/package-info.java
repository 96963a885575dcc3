/** Notifications' wiring: its settings from {@code clinic.notifications.*}, templates, the dispatch processor. */
package com.clinic.notifications.bootstrap;
