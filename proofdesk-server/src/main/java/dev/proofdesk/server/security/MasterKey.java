package dev.proofdesk.server.security;

import dev.proofdesk.server.config.ConfigException;

import java.nio.file.FileAlreadyExistsException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's root secret. Sub-keys for distinct purposes are derived with HMAC so that one
 * purpose's output can never be replayed as another's; secrets at rest are sealed with AES-GCM.
 */
public final class MasterKey {
    private static final String FILE_NAME = "master.key";
    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key.clone();
    }

    public static MasterKey of(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes");
        }
        return new MasterKey(key);
    }

    /** The configured key, or the key file in the data directory, created (mode 0600) if missing. */
    public static MasterKey load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return of(Base64.getDecoder().decode(configured.get()));
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            OwnerOnly.directory(dataDir, FILE_NAME);
            if (!Files.exists(file)) {
                byte[] fresh = Crypto.randomBytes(32);
                try {
                    OwnerOnly.create(file, (Base64.getEncoder().encodeToString(fresh) + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first; read theirs below
                }
            } else {
                OwnerOnly.narrowIfPossible(file);
            }
            return of(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read or create the master key file " + file.toAbsolutePath()
                    + ": " + e.getMessage() + ". Set PROOFDESK_MASTER_KEY or fix the file's permissions.");
        }
    }

    /** A 32-byte key for one purpose, e.g. "session-client-secret". */
    public byte[] derive(String purpose) {
        return Crypto.hmacSha256(key, ("proofdesk:" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    public byte[] seal(byte[] plaintext, String purpose) {
        try {
            byte[] iv = Crypto.randomBytes(12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derive("seal:" + purpose), "AES"),
                    new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(byte[] sealed, String purpose) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derive("seal:" + purpose), "AES"),
                    new GCMParameterSpec(128, sealed, 0, 12));
            return cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed secret: this master key is not the one it was sealed "
                    + "with. Give every node and command the server's key (PROOFDESK_MASTER_KEY or --master-key-file).", e);
        }
    }
}
