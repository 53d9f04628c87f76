package dev.proofdesk.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How commands that talk to a running server find it: its URL and a test secret key. */
final class ApiOptions {
    @Option(names = "--api-key", paramLabel = "KEY",
            description = "A test secret key, sk_test_…; default: $PROOFDESK_API_KEY (one of the two is required).")
    String apiKey;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "The server's base URL; default: $PROOFDESK_API_URL, else http://localhost:8080.")
    String apiUrl;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    String key() {
        String key = apiKey != null ? apiKey : System.getenv("PROOFDESK_API_KEY");
        if (key == null || key.isBlank()) {
            throw new InvalidArgumentException(command, "--api-key", "is required (or set PROOFDESK_API_KEY): a test "
                    + "secret key sk_test_…, e.g. from 'proofdesk keys create --env test'");
        }
        if (!key.startsWith("sk_test_")) {
            throw new InvalidArgumentException(command, "--api-key", "must be a test secret key (sk_test_…): this "
                    + "command works on test data only");
        }
        return key.trim();
    }

    String url() {
        String url = apiUrl != null ? apiUrl : System.getenv().getOrDefault("PROOFDESK_API_URL", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
