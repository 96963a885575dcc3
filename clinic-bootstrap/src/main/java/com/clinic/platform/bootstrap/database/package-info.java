/** The server's database at start: reachable, created when missing and allowed, or one clear failure. */
package com.clinic.platform.bootstrap.database;
