/** Notifications' channel providers (FCM, SendGrid, Twilio) behind its ports, their signed reports, rate limits and health. */
package com.clinic.notifications.external;
