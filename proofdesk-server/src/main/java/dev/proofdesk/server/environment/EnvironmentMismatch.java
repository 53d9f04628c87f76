package dev.proofdesk.server.environment;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.NotFoundException;
import dev.proofdesk.server.http.NotFoundTranslator;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;

/**
 * The one place that answers "it exists in the other environment". Services only say not found
 * (kind, id); at the edge (API routes and dashboard pages) this asks the caller's other environment
 * whether the account has that flow, session, webhook endpoint or event there, and if so refuses with
 * {@code 403 environment_mismatch} naming the mode it lives in. Only existence crosses, never data;
 * another account's id stays a plain 404.
 */
public final class EnvironmentMismatch implements NotFoundTranslator {
    private final Environments environments;

    public EnvironmentMismatch(Environments environments) {
        this.environments = environments;
    }

    @Override
    public ApiException translate(Environment environment, String accountId, NotFoundException missing) {
        Environment other = environment.other();
        if (Ids.isUuid(missing.id()) && existsIn(environments.of(other), accountId, missing)) {
            return ApiException.environmentMismatch(missing.kind(), missing.id(), other.livemode());
        }
        return missing;
    }

    private static boolean existsIn(EnvironmentServices there, String accountId, NotFoundException missing) {
        String id = missing.id();
        return switch (missing.kind()) {
            case FLOW -> there.flows().existsHere(accountId, id);
            case SESSION -> there.sessions().existsHere(accountId, id);
            case WEBHOOK_ENDPOINT -> there.webhooks().endpoints().existsHere(accountId, id);
            case EVENT -> there.webhooks().events().existsHere(accountId, id);
            // test only, or shared by both environments: nothing to find on the other side
            case MOCK_PASSPORT, API_KEY, ACCOUNT, USER, ENVIRONMENT -> false;
        };
    }
}
