package dev.proofdesk.server.webhook;

import dev.proofdesk.sdk.webhook.WebhookSecret;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.event.EventType;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Webhook endpoints of one environment: the API's create, read, update, rotate, test and delete. */
public final class EndpointService {
    static final int MAX_DESCRIPTION = 500;
    static final long DEFAULT_OVERLAP_SECONDS = 86_400;
    static final long MAX_OVERLAP_SECONDS = 7 * 86_400;

    private final Store store;
    private final Environment environment;
    private final EndpointRepository endpoints;
    private final EndpointSecrets secrets;
    private final UrlPolicy urls;
    private final EventLog events;
    private final OutboxSink outbox;
    private final EndpointHealth health;
    private final Payloads payloads;
    private final Clock clock;

    EndpointService(Store store, EndpointRepository endpoints, EndpointSecrets secrets, UrlPolicy urls,
                    EventLog events, OutboxSink outbox, EndpointHealth health, Payloads payloads, Clock clock) {
        this.store = store;
        this.environment = store.environment().orElseThrow();
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.urls = urls;
        this.events = events;
        this.outbox = outbox;
        this.health = health;
        this.payloads = payloads;
        this.clock = clock;
    }

    public EndpointView create(String accountId, EndpointInput input) {
        List<String> types = checkInput(input, true);
        String url = urls.require(environment, input.url()).toString();
        String id = Ids.newId();
        WebhookSecret secret = secrets.issue(environment, id);
        Instant now = clock.instant();
        Endpoint endpoint = new Endpoint(id, accountId, url, input.description(), types, Endpoint.ENABLED, null,
                secrets.seal(secret), null, null, null, null, now, now);
        store.writeVoid(h -> endpoints.insert(h, endpoint));
        return endpoint.view(environment.livemode(), secret.text());
    }

    public List<EndpointView> list(String accountId, String startingAfter, int limit) {
        return store.read(h -> endpoints.list(h, accountId, startingAfter, limit)).stream()
                .map(e -> e.view(environment.livemode(), null)).toList();
    }

    public EndpointView get(String accountId, String id) {
        return store.read(h -> require(h, accountId, id)).view(environment.livemode(), null);
    }

    public EndpointView update(String accountId, String id, EndpointInput input) {
        List<String> types = checkInput(input, false);
        String url = input.url() == null ? null : urls.require(environment, input.url()).toString();
        return store.write(h -> {
            Endpoint e = require(h, accountId, id);
            Endpoint updated = new Endpoint(e.id(), e.accountId(), url != null ? url : e.url(),
                    input.description() != null ? input.description() : e.description(),
                    types != null ? types : e.enabledEvents(), e.status(), e.disabledReason(), e.sealedSecret(),
                    e.sealedPreviousSecret(), e.previousSecretUntil(), e.failingSince(), e.pausedUntil(),
                    e.createdAt(), clock.instant());
            endpoints.update(h, updated);
            return updated.view(environment.livemode(), null);
        });
    }

    public Map<String, Object> delete(String accountId, String id) {
        store.writeVoid(h -> endpoints.delete(h, require(h, accountId, id).id()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", "webhook_endpoint");
        out.put("deleted", true);
        return out;
    }

    public EndpointView setEnabled(String accountId, String id, boolean enabled) {
        return store.write(h -> {
            Endpoint e = require(h, accountId, id);
            if (enabled && !e.enabled()) {
                endpoints.update(h, new Endpoint(e.id(), e.accountId(), e.url(), e.description(), e.enabledEvents(),
                        Endpoint.ENABLED, null, e.sealedSecret(), e.sealedPreviousSecret(),
                        e.previousSecretUntil(), null, e.pausedUntil(), e.createdAt(), clock.instant()));
            } else if (!enabled && e.enabled()) {
                health.disable(h, e.id(), "disabled through the API", clock.instant());
            }
            return require(h, accountId, id).view(environment.livemode(), null);
        });
    }

    /** A new secret; the old one keeps signing (alongside) for {@code overlapSeconds}. */
    public EndpointView rotate(String accountId, String id, Long overlapSeconds) {
        long overlap = overlapSeconds == null ? DEFAULT_OVERLAP_SECONDS : overlapSeconds;
        if (overlap < 0 || overlap > MAX_OVERLAP_SECONDS) {
            throw ApiException.validation("overlapSeconds", "must be from 0 to " + MAX_OVERLAP_SECONDS
                    + " (7 days); default " + DEFAULT_OVERLAP_SECONDS + " (24 h)");
        }
        store.read(h -> require(h, accountId, id));
        WebhookSecret fresh = secrets.issue(environment, id);
        return store.write(h -> {
            Endpoint e = require(h, accountId, id);
            Instant now = clock.instant();
            Endpoint rotated = new Endpoint(e.id(), e.accountId(), e.url(), e.description(), e.enabledEvents(),
                    e.status(), e.disabledReason(), secrets.seal(fresh), overlap > 0 ? e.sealedSecret() : null,
                    overlap > 0 ? now.plusSeconds(overlap) : null, e.failingSince(), e.pausedUntil(),
                    e.createdAt(), now);
            endpoints.update(h, rotated);
            return rotated.view(environment.livemode(), fresh.text());
        });
    }

    /** Sends a {@code webhook_endpoint.test} event to this endpoint only. */
    public Payloads.Body sendTest(String accountId, String id) {
        return store.write(h -> {
            Endpoint e = require(h, accountId, id);
            if (!e.enabled()) {
                throw ApiException.conflict("Webhook endpoint " + id + " is disabled; enable it first.");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("endpointId", e.id());
            data.put("url", e.url());
            data.put("message", "This is a test event sent from the Proofdesk API.");
            Event event = events.append(h, accountId, EventType.WEBHOOK_ENDPOINT_TEST, data);
            outbox.enqueue(h, event, List.of(e));
            return payloads.view(event);
        });
    }

    Endpoint require(Handle h, String accountId, String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not a webhook endpoint id (a UUID)");
        }
        return endpoints.find(h, accountId, id).orElseThrow(() -> ApiException.notFound(Resource.WEBHOOK_ENDPOINT, id));
    }

    public boolean existsHere(String accountId, String id) {
        return Ids.isUuid(id) && store.read(h -> endpoints.exists(h, accountId, id));
    }

    /** Validates description and event types; returns the normalised types, or null if not given. */
    private static List<String> checkInput(EndpointInput input, boolean creating) {
        List<Issue> issues = new ArrayList<>();
        if (input.description() != null && input.description().length() > MAX_DESCRIPTION) {
            issues.add(new Issue("description", "is " + input.description().length() + " characters; at most "
                    + MAX_DESCRIPTION));
        }
        List<String> types = null;
        if (input.enabledEvents() != null) {
            types = new ArrayList<>(new LinkedHashSet<>(input.enabledEvents()));
            if (types.isEmpty()) {
                issues.add(new Issue("enabledEvents", "must name at least one event type; use [\"*\"] for all"));
            }
            for (int i = 0; i < types.size(); i++) {
                String type = types.get(i);
                if (type == null || !(type.equals("*") || EventType.known(type))) {
                    issues.add(new Issue("enabledEvents[" + i + "]", "'" + type + "' is not an event type; known: "
                            + String.join(", ", EventType.ids()) + ", or * for all"));
                }
            }
        } else if (creating) {
            types = List.of("*");
        }
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return types;
    }
}
