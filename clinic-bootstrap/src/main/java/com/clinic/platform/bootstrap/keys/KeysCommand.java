package com.clinic.platform.bootstrap.keys;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Generates the keys a production deployment sets, as environment variables ready for a secret
 * store: an Ed25519 pair that signs access tokens, an AES-256 key for personal data, and the
 * blind-index key. The server is not started and nothing is written anywhere but standard output.
 *
 * <p>Key ids carry the date so that a rotation adds a new id beside the old one. Encryption key ids
 * are letters and digits only: they are part of the variable's name ({@code CLINIC_CRYPTO_KEYS_<ID>}),
 * which Spring reads back in lower case.
 */
public final class KeysCommand {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SecureRandom random;
    private final Clock clock;

    public KeysCommand(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Whether the arguments ask for this command rather than the server. */
    public static boolean wants(String[] args) {
        return args.length >= 1 && args[0].equals("keys");
    }

    /** Runs {@code keys generate}; any other sub-command prints the usage. Returns the exit status. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !args.get(1).equals("generate")) {
            err.println(
                    "Usage: java -jar clinic.jar keys generate   (prints new production keys as environment variables)");
            return 2;
        }
        try {
            generate(out);
            return 0;
        } catch (GeneralSecurityException unavailable) {
            err.println("This JDK cannot generate the keys: " + unavailable.getMessage());
            return 1;
        }
    }

    private void generate(PrintStream out) throws GeneralSecurityException {
        String day = LocalDate.now(clock).format(DAY);
        KeyPair signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Base64.Encoder base64 = Base64.getEncoder();
        String jwtId = "jwt-" + day;
        String piiId = "pii" + day;

        out.println("# Access-token signing (Ed25519). To rotate: add the new pair as the next index, make it");
        out.println("# active, and keep the old entry with its public key only until its tokens expired (10 min).");
        out.println("CLINIC_IDENTITY_JWT_KEYS_0_ID=" + jwtId);
        out.println("CLINIC_IDENTITY_JWT_KEYS_0_PRIVATEKEY="
                + base64.encodeToString(signing.getPrivate().getEncoded()));
        out.println("CLINIC_IDENTITY_JWT_KEYS_0_PUBLICKEY="
                + base64.encodeToString(signing.getPublic().getEncoded()));
        out.println("CLINIC_JWT_ACTIVE_KEY_ID=" + jwtId);
        out.println("# Personal data (AES-256-GCM). To rotate: add a new CLINIC_CRYPTO_KEYS_<ID> and make it active;");
        out.println("# keep every older key: rows sealed with it are read with it until they are written again.");
        out.println("CLINIC_CRYPTO_KEYS_" + piiId.toUpperCase(Locale.ROOT) + "=" + base64.encodeToString(secret()));
        out.println("CLINIC_CRYPTO_ACTIVE_KEY_ID=" + piiId);
        out.println("# Blind index of searchable fields (phone, e-mail, national id). Set it once and never change");
        out.println("# it: lookups of rows indexed with an older key would stop finding them.");
        out.println("CLINIC_CRYPTO_BLIND_INDEX_KEY=" + base64.encodeToString(secret()));
    }

    private byte[] secret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }
}
