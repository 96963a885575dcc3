/** Wiring of the identity context: its settings and the bootstrap administrator. */
package com.clinic.identity.bootstrap;
