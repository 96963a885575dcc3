/** Operating the read models: which projections exist, how far they are, and rebuilding them from the event store. */
package com.clinic.platform.application.projection;
