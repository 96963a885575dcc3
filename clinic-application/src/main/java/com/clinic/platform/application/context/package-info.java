/** Who is acting and on behalf of which request; copied into every event's metadata. */
package com.clinic.platform.application.context;
