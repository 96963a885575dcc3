/** Notifications: a message to one recipient and its life, from request to delivery, as a pure decider. */
package com.clinic.notifications.domain;
