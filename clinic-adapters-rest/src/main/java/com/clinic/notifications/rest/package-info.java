/** Notifications over HTTP: the caller's inbox (live), devices and preferences; history and delivery administration. */
package com.clinic.notifications.rest;
