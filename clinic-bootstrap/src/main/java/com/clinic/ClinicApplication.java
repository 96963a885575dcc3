package com.clinic;

import com.clinic.platform.bootstrap.keys.KeysCommand;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The clinic backend: one deployable, many bounded contexts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClinicApplication {

    public static void main(String[] args) {
        if (KeysCommand.wants(args)) {
            System.exit(
                    new KeysCommand(new SecureRandom(), Clock.systemUTC()).run(List.of(args), System.out, System.err));
        }
        // Banners that ask nothing of an operator: Axon's invitation to its hosted console, jOOQ's
        // logo and tip of the day at the first query. Each can still be turned back on with -D.
        for (String banner : List.of("disable-axoniq-console-message", "org.jooq.no-logo", "org.jooq.no-tips")) {
            if (System.getProperty(banner) == null) {
                System.setProperty(banner, "true");
            }
        }
        SpringApplication.run(ClinicApplication.class, args);
    }
}
