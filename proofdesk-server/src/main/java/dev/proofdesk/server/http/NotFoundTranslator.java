package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.NotFoundException;
import dev.proofdesk.server.store.Environment;

/** Turns "not found in the caller's environment" into what the caller is told. */
@FunctionalInterface
public interface NotFoundTranslator {
    ApiException translate(Environment environment, String accountId, NotFoundException missing);
}
