/** Audit use cases: an aggregate's full history and the filtered global event stream, as view records. */
package com.clinic.audit.application;
