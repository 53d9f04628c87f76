package dev.proofdesk.server.support;

import dev.proofdesk.server.security.Crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Master keys for stores shared through a database URL, which never make up a key of their own. */
public final class MasterKeys {
    private MasterKeys() {
    }

    public static String random() {
        return Base64.getEncoder().encodeToString(Crypto.randomBytes(32));
    }

    /** {@code dir/master.key}, written with a fresh key unless it exists. */
    public static Path file(Path dir) {
        Path file = dir.resolve("master.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                Files.writeString(file, random() + "\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
