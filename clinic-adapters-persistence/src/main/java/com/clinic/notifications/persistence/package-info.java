/** In-app notifications stored in PostgreSQL: the adapter behind delivery and the inbox. */
package com.clinic.notifications.persistence;
