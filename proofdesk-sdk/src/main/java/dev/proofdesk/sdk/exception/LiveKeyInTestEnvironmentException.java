package dev.proofdesk.sdk.exception;

import java.util.Map;

/**
 * The client refused a live key, without a request, because the process looks like a test or CI
 * run. Use a test key there, or build with {@code allowLiveKeyInTestEnvironment(true)} when
 * reaching live from here is meant.
 */
public final class LiveKeyInTestEnvironmentException extends ProofdeskException {
    private final String reason;

    public LiveKeyInTestEnvironmentException(String reason) {
        super("Refusing a live key (sk_live_…) because this process looks like a test or CI run: " + reason
                + ". Live keys act on real data and spend credits; tests and CI should use a test key (sk_test_…). "
                + "If this run is meant to reach live (a production smoke test, say), build the client with "
                + ".allowLiveKeyInTestEnvironment(true).", 0, "live_key_in_test_environment", null, Map.of(), null);
        this.reason = reason;
    }

    /** What made the process look like a test or CI run, e.g. {@code CI=true is set}. */
    public String reason() {
        return reason;
    }
}
