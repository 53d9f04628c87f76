package dev.proofdesk.server.config;


import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code PROOFDESK_*} variables (and command-line overrides, which win) into a
 * {@link ServerConfig}. Every refusal names the variable and says how to fix it.
 */
public final class ConfigLoader {

    public static final Map<String, Integer> DEFAULT_COSTS =
            Map.of("pre_kyc", 25, "age_verification", 10, "proof_of_human", 10);

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Command-line options, which win over the variables; null means "not given". */
    public record Overrides(Integer port, Path dataDir, String databaseUrl, String bind, Path masterKeyFile) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null);
    }

    /** Overrides come from command-line options; a null override means "not given". */
    public ServerConfig load(Integer portOverride, Path dataDirOverride, String databaseUrlOverride) {
        return load(new Overrides(portOverride, dataDirOverride, databaseUrlOverride, null, null));
    }

    public ServerConfig load(Overrides overrides) {
        int port = overrides.port() != null ? checkPort("--port", overrides.port())
                : intVar("PROOFDESK_PORT", 8080, 0, 65535, "a free TCP port such as 8080 (0 picks one)");
        String bind = checkBind(overrides.bind() != null ? "--bind" : "PROOFDESK_BIND",
                overrides.bind() != null ? overrides.bind().trim() : optional("PROOFDESK_BIND").orElse("127.0.0.1"));
        Path dataDir = overrides.dataDir() != null ? overrides.dataDir()
                : Path.of(env.getOrDefault("PROOFDESK_DATA_DIR", "data"));
        Optional<String> databaseUrl = Optional.ofNullable(
                        overrides.databaseUrl() != null ? overrides.databaseUrl() : env.get("PROOFDESK_DATABASE_URL"))
                .map(String::trim).filter(s -> !s.isEmpty());
        databaseUrl.ifPresent(ConfigLoader::checkDatabaseUrl);
        Optional<String> baseUrl = optional("PROOFDESK_PUBLIC_URL").map(ConfigLoader::checkBaseUrl);
        Optional<String> masterKey = masterKey(overrides.masterKeyFile(), databaseUrl.isPresent());
        Optional<String> metricsToken = optional("PROOFDESK_METRICS_TOKEN").map(ConfigLoader::checkMetricsToken);
        int rateTest = intVar("PROOFDESK_RATE_LIMIT_TEST", 100, 0, 1_000_000,
                "requests per second per test key, 0 to disable");
        int rateLive = intVar("PROOFDESK_RATE_LIMIT_LIVE", 100, 0, 1_000_000,
                "requests per second per live key, 0 to disable");
        int rateHolder = intVar("PROOFDESK_RATE_LIMIT_HOLDER", 1, 0, 10_000,
                "holder requests per second per session (bursts of 20 times that), 0 to disable");
        int rateHolderAddress = intVar("PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS", 10, 0, 1_000_000,
                "holder requests per second per client address (bursts of 20 times that), 0 to disable");
        long maxBody = intVar("PROOFDESK_MAX_BODY_BYTES", 1_048_576, 1024, 64 * 1_048_576,
                "the largest request body in bytes, e.g. 1048576");
        Map<String, Integer> costs = new LinkedHashMap<>();
        DEFAULT_COSTS.forEach((product, cost) -> costs.put(product,
                intVar("PROOFDESK_COST_" + product.toUpperCase(), cost, 0, 1_000_000,
                        "credits charged per " + product + " session")));
        int sweep = intVar("PROOFDESK_SWEEP_INTERVAL_SECONDS", 5, 1, 3600,
                "seconds between sweeps for overdue sessions");
        int pool = intVar("PROOFDESK_DATABASE_POOL_SIZE", 10, 1, 200,
                "database connections per store");
        int creditsLow = intVar("PROOFDESK_CREDITS_LOW_THRESHOLD", 100, 0, 1_000_000_000,
                "a live balance below this many credits records a billing.credits_low event (0 disables it)");
        int grace = intVar("PROOFDESK_SHUTDOWN_GRACE_SECONDS", 30, 1, 3600,
                "seconds a stopping server may take to finish the requests and webhook deliveries in flight");
        return new ServerConfig(port, dataDir, databaseUrl, baseUrl, masterKey, rateTest, rateLive, maxBody,
                costs, sweep, pool, creditsLow, webhooks(), bind, metricsToken, rateHolder, rateHolderAddress, relay(),
                grace);
    }

    private RelaySettings relay() {
        return new RelaySettings(
                Duration.ofMillis(intVar("PROOFDESK_RELAY_APDU_TIMEOUT_MILLIS", 5_000, 50, 60_000,
                        "milliseconds one APDU may take to come back through a chip relay")),
                Duration.ofSeconds(intVar("PROOFDESK_RELAY_READ_TIMEOUT_SECONDS", 90, 1, 600,
                        "seconds a whole chip relay may last, from connection to verdict")));
    }

    /**
     * The key from {@code PROOFDESK_MASTER_KEY} or a key file named by the operator; without either,
     * a file the embedded store keeps in its data directory. With a database URL the key must be
     * given: every node and command shares the database, so a key made up on the spot would seal
     * nothing the others can open.
     */
    private Optional<String> masterKey(Path fileOverride, boolean sharedDatabase) {
        Optional<String> inline = optional("PROOFDESK_MASTER_KEY");
        String fileSource = fileOverride != null ? "--master-key-file" : "PROOFDESK_MASTER_KEY_FILE";
        Optional<Path> file = Optional.ofNullable(fileOverride).or(() -> optional("PROOFDESK_MASTER_KEY_FILE").map(Path::of));
        if (inline.isPresent() && file.isPresent()) {
            throw new ConfigException("Both PROOFDESK_MASTER_KEY and " + fileSource + " are set; give the master key "
                    + "one way only.");
        }
        if (inline.isPresent()) {
            return Optional.of(checkMasterKey("PROOFDESK_MASTER_KEY", inline.get()));
        }
        if (file.isPresent()) {
            return Optional.of(checkMasterKey(fileSource + " " + file.get(), readKeyFile(fileSource, file.get())));
        }
        if (sharedDatabase) {
            throw new ConfigException("With a database URL (PROOFDESK_DATABASE_URL / --database-url), the master key "
                    + "must be given, the same to the server and every command: set PROOFDESK_MASTER_KEY (base64 of "
                    + "32 bytes, e.g. from: openssl rand -base64 32), or name the key file with --master-key-file FILE "
                    + "(PROOFDESK_MASTER_KEY_FILE). A server that ran with a key file in its data directory so far "
                    + "uses --master-key-file DATA_DIR/master.key.");
        }
        return Optional.empty();
    }

    private static String readKeyFile(String source, Path file) {
        try {
            return Files.readString(file).trim();
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + " is " + file.toAbsolutePath() + ", which does not exist. Use the file "
                    + "the server uses, or make a new key for a new database with: "
                    + "(umask 077; openssl rand -base64 32 > " + file + ")");
        } catch (IOException e) {
            throw new ConfigException(source + " is " + file.toAbsolutePath() + ", which cannot be read: "
                    + e.getMessage());
        }
    }

    private WebhookSettings webhooks() {
        List<Cidr> cidrs = new ArrayList<>();
        for (String part : optional("PROOFDESK_WEBHOOK_ALLOWED_CIDRS").orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                cidrs.add(Cidr.parse(part));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("PROOFDESK_WEBHOOK_ALLOWED_CIDRS: " + e.getMessage()
                        + ". Give comma-separated ranges, e.g. 10.1.0.0/16,fd00::/8, or unset it.");
            }
        }
        Optional<Path> caFile = optional("PROOFDESK_WEBHOOK_CA_FILE").map(Path::of);
        caFile.filter(f -> !Files.isReadable(f)).ifPresent(f -> {
            throw new ConfigException("PROOFDESK_WEBHOOK_CA_FILE is " + f + ", which cannot be read. "
                    + "Point it to a PEM file of CA certificates or unset it.");
        });
        return new WebhookSettings(cidrs,
                intVar("PROOFDESK_WEBHOOK_WORKERS_TEST", 128, 1, 4096, "concurrent test webhook deliveries"),
                intVar("PROOFDESK_WEBHOOK_WORKERS_LIVE", 128, 1, 4096, "concurrent live webhook deliveries"),
                intVar("PROOFDESK_WEBHOOK_ENDPOINT_CONCURRENCY", 16, 1, 1024,
                        "concurrent deliveries to one endpoint"),
                Duration.ofSeconds(intVar("PROOFDESK_WEBHOOK_LEASE_SECONDS", 60, 20, 3600,
                        "seconds a claimed delivery stays reserved for its node")),
                Duration.ofMillis(intVar("PROOFDESK_WEBHOOK_POLL_MILLIS", 500, 10, 60_000,
                        "milliseconds between fallback polls for due deliveries")),
                caFile);
    }

    private Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private int intVar(String name, int fallback, int min, int max, String meaning) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " is '" + raw.get() + "', but it must be a whole number from "
                    + min + " to " + max + ": " + meaning + ". Fix or unset it.");
        }
    }

    private static int checkPort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(option + " is " + port + ", but it must be from 0 to 65535 (0 picks a free port).");
        }
        return port;
    }

    private static void checkDatabaseUrl(String url) {
        if (!(url.startsWith("jdbc:postgresql://") || url.startsWith("postgres://")
                || url.startsWith("postgresql://"))) {
            throw new ConfigException("PROOFDESK_DATABASE_URL (--database-url) is not a PostgreSQL URL. Use e.g. "
                    + "postgresql://postgres@127.0.0.1:5432/proofdesk, or unset it to use the embedded SQLite store.");
        }
    }

    private static String checkBaseUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PROOFDESK_PUBLIC_URL is '" + url
                    + "', but it must be an absolute http(s) URL such as https://verify.example.com");
        }
    }

    private static String checkMasterKey(String source, String key) {
        try {
            if (Base64.getDecoder().decode(key).length == 32) {
                return key;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the message below
        }
        throw new ConfigException(source + " must hold the base64 of exactly 32 random bytes "
                + "(generate one with: openssl rand -base64 32).");
    }

    private static String checkBind(String source, String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            if (bare.isEmpty()) {
                throw new UnknownHostException();
            }
            InetAddress.getByName(bare);
            return bare;
        } catch (UnknownHostException e) {
            throw new ConfigException(source + " is '" + host + "', which is not an address of this machine. Use "
                    + "127.0.0.1 (the default: this machine only), 0.0.0.0 or :: (every interface), or one address.");
        }
    }

    private static String checkMetricsToken(String token) {
        if (token.length() < 16 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException("PROOFDESK_METRICS_TOKEN must be at least 16 printable characters without "
                    + "spaces (e.g. from: openssl rand -hex 24); the scraper sends it as 'Authorization: Bearer TOKEN'.");
        }
        return token;
    }
}
