/** What the directory needs from adapters: read models, phone-number parsing, and the views they return. */
package com.clinic.directory.application.port;
