/** A user's in-app notifications: delivered when another context reports what happened, read in their language. */
package com.clinic.notifications.application;
