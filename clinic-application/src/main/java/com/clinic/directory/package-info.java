/**
 * Directory: clinics, branches, doctors and patients. This package is the context's public API
 * ({@link com.clinic.directory.DirectoryFacts}): other contexts ask it, never its tables.
 */
package com.clinic.directory;
