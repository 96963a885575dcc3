/** The one access policy: who may do which operation on which resource, and how a refusal is told. */
package com.clinic.platform.application.access;
