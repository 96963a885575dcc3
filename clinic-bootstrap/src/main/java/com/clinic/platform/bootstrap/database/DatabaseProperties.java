package com.clinic.platform.bootstrap.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.database.*}: what the server does at start about its own database.
 *
 * @param createIfMissing create the configured database at start when it does not exist (the user
 *     needs the CREATEDB privilege); false: start fails, saying which createdb command to run
 */
@ConfigurationProperties("clinic.database")
public record DatabaseProperties(@DefaultValue("true") boolean createIfMissing) {}
