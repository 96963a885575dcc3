/** In-app notifications about appointments: a user's inbox, read in their language. */
package com.clinic.scheduling.application.notification;
