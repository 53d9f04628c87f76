package dev.proofdesk.sdk;

import dev.proofdesk.sdk.billing.BalanceService;
import dev.proofdesk.sdk.exception.LiveKeyInTestEnvironmentException;
import dev.proofdesk.sdk.flow.FlowService;
import dev.proofdesk.sdk.net.ApiRequestor;
import dev.proofdesk.sdk.session.SessionService;
import dev.proofdesk.sdk.testhelper.TestHelpers;
import dev.proofdesk.sdk.webhook.EventService;
import dev.proofdesk.sdk.webhook.WebhookEndpointService;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The Proofdesk API client. Build one per key and share it: it is immutable and thread-safe, and
 * it keeps its connections pooled.
 *
 * <pre>{@code
 * Proofdesk proofdesk = Proofdesk.builder()
 *         .apiKey(System.getenv("PROOFDESK_API_KEY"))
 *         .baseUrl("https://verify.example.com")
 *         .build();
 * Session session = proofdesk.sessions().create(SessionCreateParams.forFlow(flowId),
 *         RequestOptions.idempotencyKey("signup-" + userId));
 * }</pre>
 *
 * The key decides the environment: {@code sk_test_…} works on test data, {@code sk_live_…} on live
 * data. A key that is not shaped like a secret key is refused by {@link Builder#build()}, and so is a
 * live key in a process that looks like a test or CI run, unless
 * {@link Builder#allowLiveKeyInTestEnvironment(boolean)} says that live is meant.
 */
public final class Proofdesk implements AutoCloseable {
    private final boolean livemode;
    private final String baseUrl;
    private final HttpClient http;
    private final boolean ownsHttpClient;
    // A new resource is one more service here, built from the requestor, and one accessor.
    private final FlowService flows;
    private final SessionService sessions;
    private final TestHelpers testHelpers;
    private final WebhookEndpointService webhookEndpoints;
    private final EventService events;
    private final BalanceService balance;

    private Proofdesk(Builder b) {
        this.livemode = ApiKeys.livemode(b.apiKey);
        if (livemode && !b.allowLiveKeyInTestEnvironment) {
            TestEnvironment.current().ifPresent(reason -> {
                throw new LiveKeyInTestEnvironmentException(reason);
            });
        }
        this.baseUrl = checkBaseUrl(b.baseUrl);
        this.ownsHttpClient = b.httpClient == null;
        this.http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .version(baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ApiRequestor requestor = new ApiRequestor(http, baseUrl, b.apiKey, b.timeout, b.maxNetworkRetries);
        this.flows = new FlowService(requestor);
        this.sessions = new SessionService(requestor);
        this.testHelpers = new TestHelpers(requestor);
        this.webhookEndpoints = new WebhookEndpointService(requestor);
        this.events = new EventService(requestor);
        this.balance = new BalanceService(requestor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True for a live key ({@code sk_live_…}): requests act on live data and cost credits. */
    public boolean livemode() {
        return livemode;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public FlowService flows() {
        return flows;
    }

    public SessionService sessions() {
        return sessions;
    }

    /** Webhook endpoints of the key's environment; verify what they receive with {@code Webhooks}. */
    public WebhookEndpointService webhookEndpoints() {
        return webhookEndpoints;
    }

    /** Events of the key's environment: list, retrieve, redeliver. */
    public EventService events() {
        return events;
    }

    /** The live credit balance; with a test key, a note that billing does not apply. */
    public BalanceService balance() {
        return balance;
    }

    /** Test-mode helpers: mock passports and session completion (test keys only). */
    public TestHelpers testHelpers() {
        return testHelpers;
    }

    /** Releases the connection pool (unless the HTTP client was supplied by the caller). */
    @Override
    public void close() {
        if (ownsHttpClient) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "Proofdesk[" + (livemode ? "live" : "test") + ", " + baseUrl + "]";
    }

    private static String checkBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required: the address of your Proofdesk server, "
                    + "e.g. https://verify.example.com");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("baseUrl '" + url + "' must be an absolute http(s) URL such as "
                    + "https://verify.example.com, without query or fragment");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Options of the client; only {@code apiKey} and {@code baseUrl} are required. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofSeconds(30);
        private int maxNetworkRetries;
        private HttpClient httpClient;
        private boolean allowLiveKeyInTestEnvironment;

        private Builder() {
        }

        /** A secret key, {@code sk_test_…} or {@code sk_live_…}; it also decides the environment. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Your Proofdesk server, e.g. {@code https://verify.example.com}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Time to open a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** Time for a whole request (default 30 s); {@link RequestOptions} can override it per call. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive("timeout", timeout);
            return this;
        }

        /**
         * Retries after connection failures, 5xx responses and short {@code 429}s, with exponential
         * backoff (default 0). When above 0, each POST without an idempotency key gets a generated
         * one, so a retried create can never happen twice.
         */
        public Builder maxNetworkRetries(int retries) {
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("maxNetworkRetries must be from 0 to 10 (got " + retries + ")");
            }
            this.maxNetworkRetries = retries;
            return this;
        }

        /** Your own HTTP client (proxy, TLS settings); the builder's connect timeout is then not used. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * A live key is refused when the process looks like a test or CI run ({@code CI} set,
         * {@code NODE_ENV=test}, Surefire, Failsafe, Gradle, or JUnit or TestNG on the class path).
         * Pass true to say that reaching live from here is meant, e.g. in a production smoke test.
         */
        public Builder allowLiveKeyInTestEnvironment(boolean allow) {
            this.allowLiveKeyInTestEnvironment = allow;
            return this;
        }

        /**
         * Checks the key's shape, the live-key guard and the URL, without any request; throws
         * {@code MalformedApiKeyException}, {@code LiveKeyInTestEnvironmentException} or
         * {@code IllegalArgumentException} when the client would be unusable or misused.
         */
        public Proofdesk build() {
            return new Proofdesk(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
            return value;
        }
    }
}
