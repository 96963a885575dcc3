/** What notifications needs from adapters: storing a notice, and each user's stored notices. */
package com.clinic.notifications.application.port;
