/** Notifications in PostgreSQL: the inbox, the history projection, devices, preferences and opt-outs. */
package com.clinic.notifications.persistence;
