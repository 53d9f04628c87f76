package dev.proofdesk.sdk.billing;

import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.net.ApiRequestor;

import java.util.Map;

/** {@code /v1/balance}: the live key's credits; with a test key, a note that billing does not apply. */
public final class BalanceService {
    private final ApiRequestor api;

    public BalanceService(ApiRequestor api) {
        this.api = api;
    }

    public Balance retrieve() {
        return retrieve(RequestOptions.NONE);
    }

    public Balance retrieve(RequestOptions options) {
        return api.get("/v1/balance", Map.of(), Balance.class, options);
    }
}
