package dev.proofdesk.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.account.AccountService;
import dev.proofdesk.server.account.AuditLog;
import dev.proofdesk.server.apikey.ApiKeyService;
import dev.proofdesk.server.billing.BalanceRoutes;
import dev.proofdesk.server.billing.Balances;
import dev.proofdesk.server.billing.CreditLedger;
import dev.proofdesk.server.billing.SessionBilling;
import dev.proofdesk.server.config.ServerConfig;
import dev.proofdesk.server.dashboard.DashboardRoutes;
import dev.proofdesk.server.dashboard.user.PasswordHasher;
import dev.proofdesk.server.dashboard.user.SignIns;
import dev.proofdesk.server.dashboard.user.UserService;
import dev.proofdesk.server.environment.EnvironmentMismatch;
import dev.proofdesk.server.environment.EnvironmentServices;
import dev.proofdesk.server.environment.Environments;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.flow.FlowRoutes;
import dev.proofdesk.server.flow.FlowService;
import dev.proofdesk.server.http.ApiServer;
import dev.proofdesk.server.http.Auth;
import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Draining;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.HolderLimits;
import dev.proofdesk.server.http.Idempotency;
import dev.proofdesk.server.http.Json;
import dev.proofdesk.server.http.RateLimiter;
import dev.proofdesk.server.http.RouteModule;
import dev.proofdesk.server.http.SharedBuckets;
import dev.proofdesk.server.http.SystemRoutes;
import dev.proofdesk.server.relay.ChipRelayRoutes;
import dev.proofdesk.server.relay.RelayClient;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.passport.chip.ChipTerminal;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.pki.TrustAnchors;
import dev.proofdesk.passport.sanctions.SanctionsList;
import dev.proofdesk.server.session.ClientSecrets;
import dev.proofdesk.server.session.HolderSessions;
import dev.proofdesk.server.testhelper.MockHolder;
import dev.proofdesk.server.testhelper.MockPassportService;
import dev.proofdesk.server.testhelper.TestHelperRoutes;
import dev.proofdesk.server.verification.HolderRoutes;
import dev.proofdesk.server.verification.MockIssuerStore;
import dev.proofdesk.server.verification.SanctionsStore;
import dev.proofdesk.server.verification.TrustStore;
import dev.proofdesk.server.verification.VerificationService;
import dev.proofdesk.server.session.SessionRoutes;
import dev.proofdesk.server.session.SessionService;
import dev.proofdesk.server.store.Changes;
import dev.proofdesk.server.store.Database;
import dev.proofdesk.server.store.Dialect;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.webhook.EnvironmentWebhooks;
import dev.proofdesk.server.webhook.EventRoutes;
import dev.proofdesk.server.webhook.HostResolver;
import dev.proofdesk.server.webhook.Listening;
import dev.proofdesk.server.webhook.PgWakeupListener;
import dev.proofdesk.server.webhook.UrlPolicy;
import dev.proofdesk.server.webhook.WebhookRoutes;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.URI;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The composition root: opens the stores, builds every service once, and wires the HTTP server.
 * {@code proofdesk serve}, the other commands and the tests all build the graph through here.
 */
public final class Application implements AutoCloseable {
    /** Long enough for a balancer checking {@code /readyz} every second to take a stopping node out. */
    private static final Duration BALANCER_NOTICE = Duration.ofSeconds(3);
    private final ServerConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final Database database;
    private final MasterKey masterKey;
    private final AuditLog audit;
    private final AccountService accounts;
    private final ApiKeyService apiKeys;
    private final Changes changes;
    private volatile MockIssuer mockIssuer;
    private final ClientSecrets clientSecrets;
    private final Environments environments;
    private final MockPassportService mockPassports;
    private final MockHolder mockHolder;
    private final UserService users;
    private final SignIns signIns;
    private final Idempotency idempotency;
    private final Listening listening;
    private final AtomicReference<String> baseUrl = new AtomicReference<>();
    private final Draining draining = new Draining();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private Javalin server;
    private Background background;
    private PgWakeupListener wakeupListener;

    private Application(ServerConfig config, Clock clock, Database database) {
        this.config = config;
        this.clock = clock;
        this.json = Json.mapper();
        this.database = database;
        this.masterKey = MasterKey.load(config.masterKey(), config.dataDir());
        this.audit = new AuditLog(clock, json);
        this.accounts = new AccountService(database.control(), clock);
        this.changes = Changes.of(database);
        this.apiKeys = new ApiKeyService(database.control(), accounts, clock, audit, changes);
        this.baseUrl.set(config.publicBaseUrl().orElse(localUrl(config.port())));
        this.clientSecrets = new ClientSecrets(masterKey);
        this.listening = new Listening(masterKey, clock);
        this.environments = buildEnvironments();
        this.mockPassports = new MockPassportService(database.environment(Environment.TEST), this::mockIssuer,
                environments.of(Environment.TEST).sanctions(), masterKey, clock, json);
        this.mockHolder = new MockHolder(mockPassports, environments.of(Environment.TEST).verification(),
                RelayClient.onFirstUse(json), this::ownAddress,
                config.relay().readTimeout().plusSeconds(10));
        PasswordHasher passwords = new PasswordHasher();
        this.users = new UserService(database.control(), accounts, clock, audit, passwords);
        this.signIns = new SignIns(database.control(), clock, users, passwords, masterKey);
        this.idempotency = new Idempotency(database::environment, clock);
    }

    /**
     * Builds the services without serving HTTP (used by commands). Stores connect and the mock issuer
     * loads when first used, so a command pays only for what it touches.
     */
    public static Application open(ServerConfig config, Clock clock) {
        Database database = Database.open(config.databaseUrl(), config.dataDir(), config.databasePoolSize());
        try {
            // Stores keep milliseconds: every service reads the same truncated time a row will hold.
            return new Application(config, Clock.tick(clock, Duration.ofMillis(1)), database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private Environments buildEnvironments() {
        var sharedWebhooks = new EnvironmentWebhooks.Shared(masterKey, database.control(),
                new UrlPolicy(config.webhooks().allowedCidrs(), HostResolver.system()), config.webhooks(), json, clock);
        List<EnvironmentServices> bundles = new ArrayList<>();
        for (Environment env : Environment.values()) {
            Store store = database.environment(env);
            EventLog events = new EventLog(store, clock, json);
            Optional<CreditLedger> credits = credits(env, store, events);
            SessionBilling billing = credits.<SessionBilling>map(c -> c).orElse(SessionBilling.NONE);
            EnvironmentWebhooks hooks = new EnvironmentWebhooks(store, events, sharedWebhooks);
            if (env == Environment.TEST) {
                events.addSink(listening.sink());
            }
            FlowService flowService = new FlowService(store, events, clock, json);
            SessionService sessionService = new SessionService(store, flowService, events, billing,
                    clientSecrets, clock, json, config.productCosts(), baseUrl::get);
            HolderSessions holder = new HolderSessions(store, sessionService, flowService, events, billing,
                    clientSecrets, clock);
            // Test trusts only the deployment's mock CSCA and screens against the built-in list; live trusts
            // only imported anchors, and knows the mock CSCA's key solely to name a mock document as such.
            boolean test = env == Environment.TEST;
            TrustStore trust = new TrustStore(store, clock,
                    test ? () -> mockIssuer().trustAnchors() : TrustAnchors::empty);
            SanctionsStore sanctions = new SanctionsStore(store, clock, json,
                    test ? SanctionsList::testEnvironment : SanctionsList::empty);
            VerificationService verification = new VerificationService(holder, trust, sanctions,
                    test ? List::of : () -> List.of(mockIssuer().cscaPublicKey()), masterKey, clock);
            bundles.add(new EnvironmentServices(env, store, events, flowService, sessionService, holder,
                    verification, trust, sanctions, credits, hooks));
        }
        return new Environments(bundles.get(0), bundles.get(1));
    }

    /** Live sessions cost credits; test has no ledger, so its sessions are billed by {@code NONE}. */
    private Optional<CreditLedger> credits(Environment env, Store store, EventLog events) {
        return env == Environment.LIVE
                ? Optional.of(new CreditLedger(store, events, clock, config.creditsLowThreshold()))
                : Optional.empty();
    }

    /**
     * Starts serving HTTP and the background sweepers; returns this for chaining. A start that fails
     * half-way (a port in use, a store that cannot migrate) closes what it opened: pools, threads, sockets.
     */
    public Application start() {
        try {
            serve();
            return this;
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void serve() {
        database.openAll();
        changes.start();
        mockIssuer();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Bodies bodies = new Bodies(json);
        Function<String, RateLimiter.Buckets> buckets = rateLimitBuckets();
        EnvironmentMismatch mismatch = new EnvironmentMismatch(environments);
        Guard guard = new Guard(new Auth(apiKeys), Map.of(
                Environment.TEST, new RateLimiter(config.rateLimitTest(), config.rateLimitTest(),
                        buckets.apply("api_test")),
                Environment.LIVE, new RateLimiter(config.rateLimitLive(), config.rateLimitLive(),
                        buckets.apply("api_live"))),
                new HolderLimits(config.rateLimitHolder(), config.rateLimitHolderAddress(), buckets), idempotency,
                mismatch);
        List<RouteModule> modules = new ArrayList<>(List.of(
                draining,
                new FlowRoutes(environments.each(EnvironmentServices::flows), bodies),
                new SessionRoutes(environments.each(EnvironmentServices::sessions), bodies),
                new HolderRoutes(environments.each(EnvironmentServices::verification)::of, bodies),
                new ChipRelayRoutes(environments.each(EnvironmentServices::verification)::of, new ChipTerminal(),
                        config.relay(), json),
                new TestHelperRoutes(environments.each(EnvironmentServices::sessions), mockPassports, mockHolder,
                        clientSecrets, bodies),
                new BalanceRoutes(environments.each(s -> new Balances(s.credits(), s.sessions()::reservedCredits))),
                new DashboardRoutes(new DashboardRoutes.Services(environments, mismatch, signIns, database.control(),
                        audit, mockPassports, mockHolder, json, apiKeys, baseUrl::get,
                        config.publicBaseUrl().filter(url -> url.startsWith("https://")).isPresent(), clock)),
                new WebhookRoutes(environments.each(EnvironmentServices::webhooks), bodies),
                new EventRoutes(environments.each(s -> s.webhooks().events()), bodies, listening)));
        modules.add(new SystemRoutes(database::healthy, draining::draining, metrics, config.metricsToken(), json,
                List.copyOf(modules)));
        server = ApiServer.create(config.bind(), config.maxBodyBytes(), json, guard, idempotency, metrics, modules);
        server.start(config.port());
        if (config.publicBaseUrl().isEmpty()) {
            baseUrl.set(localUrl(server.port()));
        }
        background = new Background(environments, idempotency, database, config.sweepIntervalSeconds());
        background.start();
        for (Environment env : Environment.values()) {
            environments.of(env).webhooks().start();
        }
        database.postgresJdbcUrl().ifPresent(url -> {
            wakeupListener = new PgWakeupListener(url, Map.of(
                    Environment.TEST, environments.of(Environment.TEST).webhooks().dispatcher()::wake,
                    Environment.LIVE, environments.of(Environment.LIVE).webhooks().dispatcher()::wake));
            wakeupListener.start();
        });
    }

    /**
     * Rate-limit buckets by limiter: in a table every node shares on PostgreSQL, so a limit holds for
     * the cluster; in memory on SQLite, where one server serves the data directory.
     */
    private Function<String, RateLimiter.Buckets> rateLimitBuckets() {
        if (database.dialect() == Dialect.POSTGRES) {
            return scope -> new SharedBuckets(database.control(), scope);
        }
        return scope -> RateLimiter.Buckets.inMemory(clock);
    }

    /** Where this server itself listens, for the test helper's relays: they go through the real socket. */
    private URI ownAddress() {
        if (server == null) {
            throw new IllegalStateException("relaying a mock chip needs the server to be listening");
        }
        InetAddress bound = bindAddress();
        String host = bound.isLoopbackAddress() || bound.isAnyLocalAddress() ? "127.0.0.1"
                : bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return URI.create("ws://" + host + ":" + server.port());
    }

    /** Whether the server listens on this machine's loopback only (the default). */
    public boolean loopbackOnly() {
        return bindAddress().isLoopbackAddress();
    }

    /** Where this machine reaches the server when no public URL is configured. */
    private String localUrl(int port) {
        InetAddress bound = bindAddress();
        String host = bound.isLoopbackAddress() || bound.isAnyLocalAddress() ? "localhost"
                : bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return "http://" + host + ":" + port;
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(config.bind());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the bind address was checked when the configuration was read", e);
        }
    }

    /** Every registered HTTP route as (path, method), e.g. to check the OpenAPI document covers them. */
    public List<Map.Entry<String, String>> endpoints() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(h -> h.endpoint.method.isHttpMethod())
                .map(h -> Map.entry(h.endpoint.path, h.endpoint.method.name()))
                .toList();
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return baseUrl.get();
    }

    public ServerConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public AccountService accounts() {
        return accounts;
    }

    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** The services of one environment, for commands and tests that act on an environment directly. */
    public EnvironmentServices environment(Environment environment) {
        return environments.of(environment);
    }

    public MockPassportService mockPassports() {
        return mockPassports;
    }

    public UserService users() {
        return users;
    }

    /** The deployment's mock issuer, loaded from the test store (or created there) on first use. */
    public MockIssuer mockIssuer() {
        MockIssuer issuer = mockIssuer;
        if (issuer == null) {
            synchronized (this) {
                issuer = mockIssuer;
                if (issuer == null) {
                    issuer = MockIssuerStore.loadOrCreate(database.environment(Environment.TEST), masterKey, clock);
                    mockIssuer = issuer;
                }
            }
        }
        return issuer;
    }

    public ClientSecrets clientSecrets() {
        return clientSecrets;
    }

    public ObjectMapper json() {
        return json;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Leaves a cluster without failing anyone (SIGTERM): {@code /readyz} answers 503 at once and the
     * dispatchers stop claiming deliveries; after a few seconds for the balancer to notice, the
     * requests in flight are answered, the periodic jobs pass to another node, deliveries in flight
     * finish and those waiting are handed back, all within {@code PROOFDESK_SHUTDOWN_GRACE_SECONDS};
     * then everything closes. What is still in flight at the end is released by its lease.
     */
    public void shutdown() {
        Duration grace = Duration.ofSeconds(config.shutdownGraceSeconds());
        long deadline = System.nanoTime() + grace.toNanos();
        draining.begin();
        for (Environment env : Environment.values()) {
            environments.of(env).webhooks().dispatcher().stopClaiming();
        }
        try {
            Thread.sleep(Math.min(grace.toMillis() / 2, BALANCER_NOTICE.toMillis()));
            draining.awaitIdle(remaining(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(remaining(deadline));
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    /** Closes everything (once), giving deliveries in flight up to {@code deliveries} to finish. */
    private void close(Duration deliveries) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (background != null) {
            background.close();
        }
        if (server != null) {
            server.stop();
        }
        synchronized (this) {
            if (mockIssuer != null) {
                mockIssuer.close();
            }
        }
        if (wakeupListener != null) {
            wakeupListener.close();
        }
        changes.close();
        long deadline = System.nanoTime() + deliveries.toNanos();
        for (Environment env : Environment.values()) {
            environments.of(env).webhooks().close(remaining(deadline));
        }
        database.close();
    }
}
