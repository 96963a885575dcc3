/** Ports of the identity context: credential and session storage, the read model, hashing and token signing. */
package com.clinic.identity.application.port;
