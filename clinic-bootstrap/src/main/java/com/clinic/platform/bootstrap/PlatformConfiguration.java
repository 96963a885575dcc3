package com.clinic.platform.bootstrap;

import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.crypto.KeyRing;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.application.crypto.SubjectKeyStore;
import com.clinic.platform.bootstrap.database.DatabaseAtStart;
import com.clinic.platform.rest.HttpSettings;
import com.clinic.platform.rest.operations.OperationsAccess;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time, identifiers and encryption keys: the things decisions must never fetch for themselves. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /** Static: a bean-factory post-processor must exist before the configuration's own bean. */
    @Bean
    static DatabaseAtStart databaseAtStart() {
        return new DatabaseAtStart();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator idGenerator(Clock clock) {
        return new TimeOrderedIdGenerator(clock);
    }

    @Bean
    KeyRing keyRing(CryptoProperties properties) {
        if (properties.usesDevelopmentKeys()) {
            log.warn("Encryption uses the built-in DEVELOPMENT keys: before storing real data, set the"
                    + " CLINIC_CRYPTO_* variables that java -jar clinic.jar keys generate prints");
        }
        return new KeyRing(properties.keys(), properties.activeKeyId(), properties.blindIndexKey());
    }

    @Bean
    OperationsAccess operationsAccess(OperationsProperties properties) {
        OperationsAccess access = properties.access();
        if (!access.scrapeTokenConfigured()) {
            log.info("No CLINIC_METRICS_SCRAPE_TOKEN: /actuator/prometheus answers administrators only");
        }
        return access;
    }

    /** Replaces Boot's {@code db} check (same name, so the readiness group is unchanged). */
    @Bean
    BoundedDatabaseHealthIndicator dbHealthIndicator(DataSource dataSource, DatabaseHealthProperties properties) {
        return new BoundedDatabaseHealthIndicator(dataSource, properties.timeout());
    }

    @Bean
    HttpSettings httpSettings(HttpProperties properties) {
        return properties.settings();
    }

    @Bean
    FieldCipher fieldCipher(KeyRing keyRing) {
        return new FieldCipher(keyRing);
    }

    @Bean
    PersonalDataVault personalDataVault(SubjectKeyStore store, KeyRing keyRing) {
        return new PersonalDataVault(store, keyRing);
    }
}
