/** Identity use cases: inviting and administering accounts, activation, sign-in, sessions and token checks. */
package com.clinic.identity.application;
