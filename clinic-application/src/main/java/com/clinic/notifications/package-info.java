/**
 * Notifications: tells people what other contexts report happened (a waiting-list offer made or
 * lapsed), in-app for now; push, e-mail and SMS come here too. It reacts to their published events
 * and is called by none of them (ADR 0018).
 */
package com.clinic.notifications;
