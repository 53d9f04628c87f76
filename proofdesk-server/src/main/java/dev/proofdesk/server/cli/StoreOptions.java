package dev.proofdesk.server.cli;

import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.config.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that touches the stores shares with {@code serve}. */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the SQLite stores (control.db, test.db, live.db) and the master key; "
                    + "default: $PROOFDESK_DATA_DIR, else ./data.")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL, e.g. postgresql://postgres@127.0.0.1:5432/proofdesk; "
                    + "default: $PROOFDESK_DATABASE_URL, else the embedded SQLite stores in --data-dir.")
    String databaseUrl;

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = "File holding the master key (base64 of 32 bytes), the same for the server and every "
                    + "command (env PROOFDESK_MASTER_KEY_FILE, or the key itself in PROOFDESK_MASTER_KEY). Required "
                    + "with a database URL; default with the embedded store: DATA_DIR/master.key, made on first start.")
    Path masterKeyFile;

    ServerConfig config(Integer port) {
        return config(port, null);
    }

    ServerConfig config(Integer port, String bind) {
        return new ConfigLoader(System.getenv()).load(new ConfigLoader.Overrides(port, dataDir, databaseUrl, bind,
                masterKeyFile));
    }
}
