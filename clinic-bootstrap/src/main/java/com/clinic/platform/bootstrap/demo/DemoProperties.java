package com.clinic.platform.bootstrap.demo;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code clinic.demo.*} (profile {@code demo} only).
 *
 * @param password the password of every demo login
 */
@Validated
@ConfigurationProperties("clinic.demo")
record DemoProperties(@DefaultValue(DemoProperties.DEFAULT_PASSWORD) @Size(min = 10) String password) {

    static final String DEFAULT_PASSWORD = "Shifa-Demo-2026!";
}
