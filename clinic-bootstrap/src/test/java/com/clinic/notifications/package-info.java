/** End-to-end tests of notifications: history, delivery administration, devices, preferences, the live inbox. */
package com.clinic.notifications;
