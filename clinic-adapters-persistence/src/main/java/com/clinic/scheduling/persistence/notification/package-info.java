/** In-app notifications stored in PostgreSQL: the adapter behind SchedulingNotifications and the inbox. */
package com.clinic.scheduling.persistence.notification;
