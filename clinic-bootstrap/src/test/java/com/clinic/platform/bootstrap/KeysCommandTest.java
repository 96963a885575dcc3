package com.clinic.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.external.JwtProperties;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.crypto.KeyRing;
import com.clinic.platform.bootstrap.keys.KeysCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * What {@code keys generate} prints is what a deployment pastes into its environment: read back the
 * way the server reads it (application.yml's placeholders, Spring's rules for variable names), the
 * keys must sign and verify tokens and seal and open personal data, and replace the development keys.
 */
class KeysCommandTest {

    private static final Clock DAY = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void generatedVariablesBindToSigningKeysThatSignAndVerify() throws Exception {
        Binder binder = binderOver(generate());

        JwtProperties jwt =
                binder.bind("clinic.identity.jwt", JwtProperties.class).get();

        assertThat(jwt.activeKeyId()).isEqualTo("jwt-20261202");
        assertThat(jwt.keys()).singleElement().satisfies(key -> assertThat(key.id())
                .isEqualTo("jwt-20261202"));
        JwtProperties.Key key = jwt.keys().getFirst();
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
        byte[] claims = "{\"sub\":\"someone\"}".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(claims);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(claims);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void generatedVariablesBindToAnActiveEncryptionKeyThatReplacesTheDevelopmentOne() throws Exception {
        Binder binder = binderOver(generate());

        CryptoProperties crypto =
                binder.bind("clinic.crypto", CryptoProperties.class).get();

        assertThat(crypto.activeKeyId()).isEqualTo("pii20261202");
        assertThat(crypto.usesDevelopmentKeys()).isFalse();
        assertThat(crypto.keys()).containsKey("pii20261202");
        FieldCipher cipher = new FieldCipher(new KeyRing(crypto.keys(), crypto.activeKeyId(), crypto.blindIndexKey()));
        String sealed = cipher.encrypt("1990-04-12");
        assertThat(sealed).startsWith("pii20261202:");
        assertThat(cipher.decrypt(sealed)).isEqualTo("1990-04-12");
    }

    @Test
    void everyRunGeneratesNewSecrets() {
        Map<String, String> first = generate();
        Map<String, String> second = generate();

        assertThat(first.keySet()).isEqualTo(second.keySet());
        for (String name : List.of(
                "CLINIC_IDENTITY_JWT_KEYS_0_PRIVATEKEY",
                "CLINIC_CRYPTO_KEYS_PII20261202",
                "CLINIC_CRYPTO_BLIND_INDEX_KEY")) {
            assertThat(first.get(name)).as(name).isNotBlank().isNotEqualTo(second.get(name));
        }
    }

    @Test
    void anythingButGenerateGetsTheUsageAndAFailingStatus() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new KeysCommand(new SecureRandom(), DAY)
                .run(List.of("keys", "rotate"), new PrintStream(out, true), new PrintStream(err, true));

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("java -jar clinic.jar keys generate");
        assertThat(KeysCommand.wants(new String[] {"keys", "generate"})).isTrue();
        assertThat(KeysCommand.wants(new String[] {"--spring.profiles.active=demo"}))
                .isFalse();
    }

    /** The printed variables, comments left out. */
    private static Map<String, String> generate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new KeysCommand(new SecureRandom(), DAY)
                .run(List.of("keys", "generate"), new PrintStream(out, true), System.err);
        assertThat(status).isZero();
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int equals = line.indexOf('=');
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return variables;
    }

    /** The variables as the process environment, under the server's own application.yml. */
    private static Binder binderOver(Map<String, String> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(
                        // Spring maps variable names to properties only in a source named as the process environment
                        // is.
                        new SystemEnvironmentPropertySource("generated-systemEnvironment", Map.copyOf(variables)));
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment);
    }
}
