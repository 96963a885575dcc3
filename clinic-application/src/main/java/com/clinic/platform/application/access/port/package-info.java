/** What the access policy needs to know about an actor beyond their token. */
package com.clinic.platform.application.access.port;
