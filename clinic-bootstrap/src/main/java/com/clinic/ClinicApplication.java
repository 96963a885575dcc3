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
        // Axon's invitation to its hosted console, printed at every start, asks nothing of an operator.
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
        SpringApplication.run(ClinicApplication.class, args);
    }
}
