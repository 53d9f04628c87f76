package dev.proofdesk.server.store;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.KeyKind;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store's files hold table data and the master key: only their owner may read them. */
class DataDirectoryPermissionsTest {

    @Test
    void aFreshDataDirectoryIsOwnerOnlyWithEveryFileInIt() throws IOException {
        Path dataDir = Files.createTempDirectory("proofdesk-perms").resolve("data");
        try (Application app = start(dataDir)) {
            writeSomething(app);
            assertOwnerOnly(dataDir);
            assertThat(names(dataDir)).contains("master.key", "control.db", "test.db", "live.db",
                    "test.db-wal", "test.db-shm");
        }
        assertOwnerOnly(dataDir);
    }

    @Test
    void aDataDirectoryLeftOpenByAnEarlierVersionIsNarrowed() throws IOException {
        Path dataDir = Files.createTempDirectory("proofdesk-perms").resolve("data");
        try (Application app = start(dataDir)) {
            writeSomething(app);
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Path leftOver = dataDir.resolve("live.db-wal");
        if (!Files.exists(leftOver)) {
            Files.createFile(leftOver, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Application app = start(dataDir)) {
            writeSomething(app);
            assertOwnerOnly(dataDir);
        }
    }

    private static Application start(Path dataDir) {
        return Application.open(new ConfigLoader(Map.of("PROOFDESK_RATE_LIMIT_TEST", "0"))
                .load(0, dataDir, null), Clock.systemUTC()).start();
    }

    private static void writeSomething(Application app) {
        var account = app.accounts().create("Permissions");
        String key = app.apiKeys().create(account.id(), Environment.TEST, KeyKind.SECRET,
                "test").secret();
        Fixtures.publishedFlow(new HttpApi(app.baseUrl()), key);
    }

    private static void assertOwnerOnly(Path dataDir) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .as(dataDir.toString()).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    private static List<String> names(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
