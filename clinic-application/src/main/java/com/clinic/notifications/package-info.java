/**
 * Notifications: tells people by push, e-mail, SMS and in-app what other contexts report happened
 * (appointments and their reminders, the queue, the waiting list, password reset links). It reacts
 * to their published events and is called by none of them (ADR 0018).
 */
package com.clinic.notifications;
