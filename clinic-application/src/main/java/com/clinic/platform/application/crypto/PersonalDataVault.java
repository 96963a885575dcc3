package com.clinic.platform.application.crypto;

import com.clinic.platform.domain.Ciphertext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crypto-shredding: each subject's personal data is sealed with that subject's own data key
 * (envelope-encrypted by the active master key). {@link #shred} deletes the key, after which
 * {@link #open} answers empty for every ciphertext ever made for the subject, wherever it is stored.
 */
public final class PersonalDataVault {

    private final SubjectKeyStore store;
    private final KeyRing keyRing;

    public PersonalDataVault(SubjectKeyStore store, KeyRing keyRing) {
        this.store = store;
        this.keyRing = keyRing;
    }

    public Ciphertext seal(UUID subjectId, String plaintext) {
        SecretKey dataKey = dataKeyFor(subjectId);
        byte[] sealed = AesGcm.encrypt(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), aad(subjectId));
        return new Ciphertext(Base64.getEncoder().encodeToString(sealed));
    }

    /** The plain text, or empty once the subject has been erased. */
    public Optional<String> open(UUID subjectId, Ciphertext ciphertext) {
        return store.find(subjectId).map(wrapped -> {
            SecretKey dataKey = unwrap(subjectId, wrapped);
            byte[] sealed = Base64.getDecoder().decode(ciphertext.value());
            return new String(AesGcm.decrypt(dataKey, sealed, aad(subjectId)), StandardCharsets.UTF_8);
        });
    }

    public boolean shred(UUID subjectId) {
        return store.delete(subjectId);
    }

    public boolean isShredded(UUID subjectId) {
        return store.isShredded(subjectId);
    }

    private SecretKey dataKeyFor(UUID subjectId) {
        Optional<SubjectKeyStore.WrappedKey> existing = store.find(subjectId);
        if (existing.isPresent()) {
            return unwrap(subjectId, existing.get());
        }
        if (store.isShredded(subjectId)) {
            throw new IllegalStateException("Subject " + subjectId + " was erased; no new personal data may be sealed");
        }
        SecretKey fresh = newDataKey();
        String masterKeyId = keyRing.activeKeyId();
        byte[] wrapped = AesGcm.encrypt(keyRing.active(), fresh.getEncoded(), wrapAad(subjectId, masterKeyId));
        return unwrap(subjectId, store.saveIfAbsent(subjectId, new SubjectKeyStore.WrappedKey(masterKeyId, wrapped)));
    }

    private SecretKey unwrap(UUID subjectId, SubjectKeyStore.WrappedKey wrapped) {
        byte[] raw = AesGcm.decrypt(
                keyRing.byId(wrapped.masterKeyId()), wrapped.wrapped(), wrapAad(subjectId, wrapped.masterKeyId()));
        return new SecretKeySpec(raw, "AES");
    }

    private static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    private static byte[] aad(UUID subjectId) {
        return ByteBuffer.allocate(16)
                .putLong(subjectId.getMostSignificantBits())
                .putLong(subjectId.getLeastSignificantBits())
                .array();
    }

    private static byte[] wrapAad(UUID subjectId, String masterKeyId) {
        return ("subject-key:" + subjectId + ":" + masterKeyId).getBytes(StandardCharsets.UTF_8);
    }
}
