/** Notifications' wiring: its settings from {@code clinic.notifications.*}, the dispatch processor, metrics. */
package com.clinic.notifications.bootstrap;
