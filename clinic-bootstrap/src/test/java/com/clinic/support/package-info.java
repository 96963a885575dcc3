/** Test support: a real PostgreSQL per test run, HTTP helpers and fixtures. */
package com.clinic.support;
