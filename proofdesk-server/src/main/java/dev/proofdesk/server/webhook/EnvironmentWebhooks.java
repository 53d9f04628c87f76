package dev.proofdesk.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.config.WebhookSettings;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The webhook services of one environment, with their own outbox, dispatcher, HTTP client and
 * worker capacity, so test traffic never competes with live deliveries.
 */
public final class EnvironmentWebhooks implements AutoCloseable {
    private final EndpointService endpoints;
    private final EventService events;
    private final Dispatcher dispatcher;
    private final DeliveryQueries deliveryQueries = new DeliveryQueries();
    private final Store store;
    private final WebhookHttp.Lazy http;
    private final Retention retention;

    /** Shared by both environments: the master key's secret registry and the URL rules. */
    public record Shared(MasterKey masterKey, Store control, UrlPolicy urls, WebhookSettings settings,
                         ObjectMapper json, Clock clock) {
    }

    public EnvironmentWebhooks(Store store, EventLog eventLog, Shared shared) {
        Environment env = store.environment().orElseThrow();
        WebhookSettings settings = shared.settings();
        this.store = store;
        EndpointSecrets secrets = new EndpointSecrets(shared.masterKey(), shared.control(), shared.clock());
        EndpointRepository endpointRepo = new EndpointRepository(shared.json());
        DeliveryRepository deliveryRepo = new DeliveryRepository(store.dialect());
        Payloads payloads = new Payloads(shared.json());
        EndpointHealth health = new EndpointHealth(endpointRepo, deliveryRepo, eventLog);
        int workers = env.livemode() ? settings.workersLive() : settings.workersTest();
        this.http = new WebhookHttp.Lazy(env, shared.urls(), settings.extraCaFile(), workers);
        this.dispatcher = new Dispatcher(store, eventLog, deliveryRepo, endpointRepo, new EndpointKeys(secrets),
                payloads, new Attempts(new Sender(http, WebhookSettings.TIMEOUT, shared.clock()),
                        new RetryPolicy(() -> ThreadLocalRandom.current().nextDouble()), shared.clock()),
                health, shared.clock(),
                new Dispatcher.Settings(workers, settings.perEndpointConcurrency(), settings.lease(),
                        settings.pollInterval()));
        OutboxSink outbox = new OutboxSink(endpointRepo, deliveryRepo,
                new Wakeups(store.dialect(), env, dispatcher::wake), shared.clock());
        eventLog.addSink(outbox);
        this.endpoints = new EndpointService(store, endpointRepo, secrets, shared.urls(), eventLog, outbox, health,
                payloads, shared.clock());
        this.events = new EventService(store, eventLog, endpointRepo, outbox, shared.clock());
        this.retention = new Retention(store, eventLog, deliveryRepo, shared.clock());
    }

    public EndpointService endpoints() {
        return endpoints;
    }

    public EventService events() {
        return events;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public java.util.List<DeliveryView> deliveries(String accountId, String endpointId, String startingAfter,
                                                   int limit) {
        return store.read(h -> {
            endpoints.require(h, accountId, endpointId);
            return deliveryQueries.forEndpoint(h, endpointId, startingAfter, limit, events.now());
        });
    }

    /** Whether the delivery was made to this endpoint of the account (404 if the endpoint is not the account's). */
    public boolean deliveryExists(String accountId, String endpointId, String deliveryId) {
        return store.read(h -> {
            endpoints.require(h, accountId, endpointId);
            return deliveryQueries.exists(h, endpointId, deliveryId);
        });
    }

    /** The deliveries of some of the account's events, e.g. everything sent about one session. */
    public java.util.List<DeliveryView> deliveriesOfEvents(java.util.List<String> eventIds) {
        return store.read(h -> deliveryQueries.forEvents(h, eventIds, events.now()));
    }

    /** Drops events (and their deliveries) older than the retention period; returns how many events. */
    public int purgeExpired() {
        return retention.purge();
    }

    public void start() {
        dispatcher.start();
    }

    @Override
    public void close() {
        dispatcher.close();
        http.close();
    }

    /** Closes, giving deliveries in flight up to {@code inFlight} to finish. */
    public void close(java.time.Duration inFlight) {
        dispatcher.close(inFlight);
        http.close();
    }
}
