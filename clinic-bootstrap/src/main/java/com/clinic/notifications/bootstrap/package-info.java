/** Notifications' wiring: its settings from {@code clinic.notifications.*}, the providers, templates, the dispatch processor. */
package com.clinic.notifications.bootstrap;
