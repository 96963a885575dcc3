/** Identity over HTTP: sign-in and tokens, account administration, and the API's security filter chain. */
package com.clinic.identity.rest;
