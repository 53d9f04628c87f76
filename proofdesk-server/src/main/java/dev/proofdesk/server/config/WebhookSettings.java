package dev.proofdesk.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How webhooks are delivered.
 *
 * @param allowedCidrs          address ranges live endpoints may reach although they are private
 *                              ({@code PROOFDESK_WEBHOOK_ALLOWED_CIDRS}, comma-separated)
 * @param workersTest           concurrent deliveries for the test environment
 * @param workersLive           concurrent deliveries for the live environment, separate from test's
 * @param perEndpointConcurrency concurrent deliveries to one endpoint, from all the nodes on one database
 * @param lease                 how long a claimed delivery stays reserved for the node that claimed it
 * @param pollInterval          fallback poll when no wake-up arrives
 * @param extraCaFile           PEM certificates trusted in addition to the JDK's (internal CAs)
 */
public record WebhookSettings(
        List<Cidr> allowedCidrs,
        int workersTest,
        int workersLive,
        int perEndpointConcurrency,
        Duration lease,
        Duration pollInterval,
        Optional<Path> extraCaFile) {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    public WebhookSettings {
        allowedCidrs = List.copyOf(allowedCidrs);
        if (lease.compareTo(TIMEOUT.plusSeconds(5)) < 0) {
            throw new ConfigException("PROOFDESK_WEBHOOK_LEASE_SECONDS must be at least "
                    + (TIMEOUT.toSeconds() + 5) + ": longer than a delivery's 15 s timeout.");
        }
    }
}
