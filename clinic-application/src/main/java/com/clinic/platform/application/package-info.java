/** Application-level building blocks shared by the bounded contexts: pagination, identifiers, time. */
package com.clinic.platform.application;
