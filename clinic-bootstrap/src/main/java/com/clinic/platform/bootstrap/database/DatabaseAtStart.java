package com.clinic.platform.bootstrap.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Looks at the configured PostgreSQL database before any bean uses it. On a fresh machine the
 * database usually does not exist yet: it is created when {@code clinic.database.create-if-missing}
 * (default true) and the user may; otherwise, and when the server cannot be reached or refuses the
 * credentials, start fails with {@link DatabaseUnavailable}, which {@link DatabaseUnavailableAnalyzer}
 * turns into one sentence and what to do, instead of the pool's, Flyway's and the context's stack
 * traces (the real cause was line 12 of 174).
 *
 * <p>It runs as a bean-factory post-processor: after every property source (tests set the URL in a
 * context initializer), before the first bean is created.
 */
public final class DatabaseAtStart implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAtStart.class);

    /** Seconds to wait for the server to answer: long enough for a busy server, short enough to say so. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    /** PostgreSQL's SQLSTATEs (Appendix A): the database named does not exist; it does already. */
    private static final String INVALID_CATALOG_NAME = "3D000";

    private static final String DUPLICATE_DATABASE = "42P04";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return; // not ours to check
        }
        Target target = Target.of(
                url,
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
        // Bound by hand: configuration-properties beans do not exist yet at this point.
        DatabaseProperties properties =
                Binder.get(environment).bindOrCreate("clinic.database", DatabaseProperties.class);
        check(target, properties.createIfMissing());
    }

    static void check(Target target, boolean createIfMissing) {
        try (Connection connection = target.connect(target.url())) {
            connection.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException failure) {
            if (!INVALID_CATALOG_NAME.equals(failure.getSQLState())) {
                throw DatabaseUnavailable.from(target, failure);
            }
            if (!createIfMissing) {
                throw DatabaseUnavailable.missing(target, "clinic.database.create-if-missing is false");
            }
            create(target);
        }
    }

    /** On the server's maintenance database, as PostgreSQL's own createdb does. */
    private static void create(Target target) {
        try (Connection connection = target.connect(target.maintenanceUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + quoted(target.database()));
            log.info(
                    "Created the database \"{}\" on {} (clinic.database.create-if-missing)",
                    target.database(),
                    target.server());
        } catch (SQLException failure) {
            if (DUPLICATE_DATABASE.equals(failure.getSQLState())) {
                return; // another instance created it meanwhile
            }
            throw DatabaseUnavailable.missing(target, failure.getMessage());
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Where the server's data lives, as configured. */
    record Target(String url, String user, String password, String host, String port, String database) {

        static Target of(String url, String user, String password) {
            Properties parsed = Driver.parseURL(url, new Properties());
            if (parsed == null) {
                throw new DatabaseUnavailable(
                        "The database URL " + url + " is not a PostgreSQL JDBC URL.",
                        "Set CLINIC_DB_URL to jdbc:postgresql://host:port/database.");
            }
            String host = PGProperty.PG_HOST.getOrDefault(parsed);
            String port = PGProperty.PG_PORT.getOrDefault(parsed);
            String database = PGProperty.PG_DBNAME.getOrDefault(parsed);
            return new Target(url, user, password, host, port, database);
        }

        String server() {
            return host + ":" + port;
        }

        /** The same server's {@code postgres} database, with the URL's other parameters. */
        String maintenanceUrl() {
            int path = url.indexOf('/', "jdbc:postgresql://".length());
            int query = url.indexOf('?');
            String rest = query < 0 ? "" : url.substring(query);
            return (path < 0 ? url : url.substring(0, path)) + "/postgres" + rest;
        }

        Connection connect(String jdbcUrl) throws SQLException {
            Properties properties = new Properties();
            if (!user.isBlank()) {
                properties.setProperty("user", user);
            }
            if (!password.isBlank()) {
                properties.setProperty("password", password);
            }
            properties.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), String.valueOf(CONNECT_TIMEOUT_SECONDS));
            properties.setProperty(PGProperty.LOGIN_TIMEOUT.getName(), String.valueOf(CONNECT_TIMEOUT_SECONDS));
            return DriverManager.getConnection(jdbcUrl, properties);
        }
    }
}
