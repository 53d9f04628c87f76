package dev.proofdesk.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server reads from its environment, read once and validated at start-up.
 *
 * @param port              TCP port to listen on; 0 picks a free one
 * @param dataDir           where SQLite files and the generated master key live
 * @param databaseUrl       a PostgreSQL URL; empty means embedded SQLite
 * @param publicBaseUrl     the base of URLs handed to people (verification pages); empty means
 *                          {@code http://localhost:<port>}
 * @param masterKey         base64 of 32 bytes, from PROOFDESK_MASTER_KEY or the key file the operator named;
 *                          empty (embedded store only) means a generated key file in the data dir
 * @param rateLimitTest     requests per second per test key; 0 disables the limit
 * @param rateLimitLive     requests per second per live key; 0 disables the limit
 * @param maxBodyBytes      the largest request body accepted
 * @param productCosts      credits per session by product
 * @param sweepIntervalSeconds how often overdue sessions are expired and trust anchors imported elsewhere are loaded
 * @param databasePoolSize  connections per store (PostgreSQL) or readers per store (SQLite)
 * @param creditsLowThreshold a live balance falling below this records {@code billing.credits_low}
 * @param webhooks          webhook delivery settings
 * @param bind              the address to listen on; 127.0.0.1 unless the operator opens more
 * @param metricsToken      when present, {@code /metrics} answers only {@code Authorization: Bearer <token>}
 * @param rateLimitHolder   holder requests per second per session; 0 disables the limit
 * @param rateLimitHolderAddress holder requests per second per client address; 0 disables the limit
 * @param relay             chip relay timeouts
 * @param shutdownGraceSeconds how long a stopping server (SIGTERM) may take to answer the requests and
 *                          finish the webhook deliveries it has in flight before it exits
 */
public record ServerConfig(
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> publicBaseUrl,
        Optional<String> masterKey,
        int rateLimitTest,
        int rateLimitLive,
        long maxBodyBytes,
        Map<String, Integer> productCosts,
        int sweepIntervalSeconds,
        int databasePoolSize,
        int creditsLowThreshold,
        WebhookSettings webhooks,
        String bind,
        Optional<String> metricsToken,
        int rateLimitHolder,
        int rateLimitHolderAddress,
        RelaySettings relay,
        int shutdownGraceSeconds) {

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(masterKey, "masterKey");
        productCosts = Map.copyOf(productCosts);
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(relay, "relay");
    }

    public boolean embedded() {
        return databaseUrl.isEmpty();
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, databaseUrl, publicBaseUrl, masterKey, rateLimitTest,
                rateLimitLive, maxBodyBytes, productCosts, sweepIntervalSeconds, databasePoolSize,
                creditsLowThreshold, webhooks, bind, metricsToken, rateLimitHolder, rateLimitHolderAddress, relay,
                shutdownGraceSeconds);
    }
}
