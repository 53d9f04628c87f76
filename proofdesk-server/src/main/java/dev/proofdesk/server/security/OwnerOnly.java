package dev.proofdesk.server.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory holds table data and the master key, so only its owner may read it: the
 * directory is 0700 and every file in it 0600, created so from the start (never widened, then
 * narrowed). Where the file system has no POSIX permissions, nothing is changed.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** What SQLite may create next to a database; it gives them the database file's mode. */
    private static final String[] SQLITE_COMPANIONS = {"-wal", "-shm", "-journal"};

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} (and missing parents) as 0700. An existing directory is narrowed to 0700
     * only when it already is a data directory (it holds {@code marker}), so pointing the data
     * directory at a shared folder does not change that folder.
     */
    public static void directory(Path dir, String marker) throws IOException {
        if (Files.isDirectory(dir)) {
            if (Files.exists(dir.resolve(marker))) {
                restrict(dir, DIRECTORY);
            }
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, attribute(DIRECTORY));
        } catch (FileAlreadyExistsException raced) {
            // another process made it first
        } catch (UnsupportedOperationException noPosix) {
            Files.createDirectories(dir);
        }
    }

    /** Creates an empty 0600 file if it is missing; narrows an existing one to 0600. */
    public static void file(Path file) throws IOException {
        try {
            Files.createFile(file, attribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            restrict(file, FILE);
        } catch (UnsupportedOperationException noPosix) {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
    }

    /** Narrows an existing file to 0600 where this process may; one it may only read is left as it is. */
    public static void narrowIfPossible(Path file) {
        try {
            restrict(file, FILE);
        } catch (IOException notOurs) {
            // e.g. a key file provisioned read-only by the operator
        }
    }

    /** Writes a new 0600 file; fails with {@link FileAlreadyExistsException} if it exists. */
    public static void create(Path file, byte[] content) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, options, attribute(FILE));
        } catch (UnsupportedOperationException noPosix) {
            channel = Files.newByteChannel(file, options);
        }
        try (SeekableByteChannel out = channel) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
    }

    /**
     * Prepares an SQLite database file before SQLite opens it: 0600, so the write-ahead log, shared
     * memory and journal files SQLite creates beside it get 0600 too; ones left by an earlier version
     * are narrowed.
     */
    public static void sqliteDatabase(Path database) throws IOException {
        file(database);
        for (String suffix : SQLITE_COMPANIONS) {
            Path companion = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(companion)) {
                restrict(companion, FILE);
            }
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException noPosix) {
            // nothing to narrow on this file system
        }
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
