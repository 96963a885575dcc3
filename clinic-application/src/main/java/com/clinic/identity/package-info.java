/** Identity: user accounts, roles, credentials and tokens. This package is the context's public API. */
package com.clinic.identity;
