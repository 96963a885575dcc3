/** Directory read models: projections that build them from events, and the jOOQ queries that read them. */
package com.clinic.directory.persistence;
