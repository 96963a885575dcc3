/** Integration tests of the clinic directory over HTTP against the real database. */
package com.clinic.directory;
