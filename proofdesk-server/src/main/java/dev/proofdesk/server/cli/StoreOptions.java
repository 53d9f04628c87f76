package dev.proofdesk.server.cli;

import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.config.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that touches the stores shares with {@code serve}. */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory for the SQLite stores and key files (env PROOFDESK_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL URL; omit for embedded SQLite (env PROOFDESK_DATABASE_URL).")
    String databaseUrl;

    ServerConfig config(Integer port) {
        return new ConfigLoader(System.getenv()).load(port, dataDir, databaseUrl);
    }
}
