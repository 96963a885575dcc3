/** The user account decider: lifecycle and role rules of an account, free of credentials and personal data. */
package com.clinic.identity.domain;
