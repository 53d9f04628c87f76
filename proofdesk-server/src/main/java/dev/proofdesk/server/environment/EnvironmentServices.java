package dev.proofdesk.server.environment;

import dev.proofdesk.server.billing.CreditLedger;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.flow.FlowService;
import dev.proofdesk.server.session.HolderSessions;
import dev.proofdesk.server.session.SessionService;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.verification.SanctionsStore;
import dev.proofdesk.server.verification.TrustStore;
import dev.proofdesk.server.verification.VerificationService;
import dev.proofdesk.server.webhook.EnvironmentWebhooks;

import java.util.Optional;

/**
 * Everything bound to one environment's store. A request gets exactly one of these, chosen by its
 * key, so no code path below the HTTP edge can reach the other environment's data. Only live has
 * {@code credits}: the test bundle has no ledger to reach.
 */
public record EnvironmentServices(
        Environment environment,
        Store store,
        EventLog events,
        FlowService flows,
        SessionService sessions,
        HolderSessions holder,
        VerificationService verification,
        TrustStore trust,
        SanctionsStore sanctions,
        Optional<CreditLedger> credits,
        EnvironmentWebhooks webhooks) {
}
