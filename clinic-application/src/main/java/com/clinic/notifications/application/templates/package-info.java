/** The texts of notifications: one template per notice and language, per channel, rendered with ICU. */
package com.clinic.notifications.application.templates;
