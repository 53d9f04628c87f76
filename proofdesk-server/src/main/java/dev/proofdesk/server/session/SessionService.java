package dev.proofdesk.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.billing.SessionBilling;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.event.EventType;
import dev.proofdesk.server.flow.FlowDefinition;
import dev.proofdesk.server.flow.FlowService;
import dev.proofdesk.server.flow.FlowValidator;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Sessions of one environment: creation (with its charge and event), reads, cancel and expiry. */
public final class SessionService {
    public static final int MAX_METADATA_BYTES = 4096;

    private final Store store;
    private final Environment environment;
    private final FlowService flows;
    private final EventLog events;
    private final SessionBilling billing;
    private final ClientSecrets secrets;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Integer> productCosts;
    private final Supplier<String> baseUrl;
    private final SessionRepository sessions = new SessionRepository();

    public SessionService(Store store, FlowService flows, EventLog events, SessionBilling billing,
                          ClientSecrets secrets, Clock clock, ObjectMapper json, Map<String, Integer> productCosts,
                          Supplier<String> baseUrl) {
        this.store = store;
        this.environment = store.environment().orElseThrow();
        this.flows = flows;
        this.events = events;
        this.billing = billing;
        this.secrets = secrets;
        this.clock = clock;
        this.json = json;
        this.productCosts = Map.copyOf(productCosts);
        this.baseUrl = baseUrl;
    }

    public Environment environment() {
        return environment;
    }

    public Session create(String accountId, SessionInput input) {
        String metadata = validate(input);
        return store.write(h -> {
            FlowService.Pinned pinned = flows.pinPublished(h, accountId, input.flowId());
            FlowDefinition def = pinned.version().definition();
            Instant now = clock.instant();
            int ttl = input.expiresInSeconds() != null ? input.expiresInSeconds() : def.settings().sessionTtlSeconds();
            int cost = productCosts.getOrDefault(def.product(), 0);
            SessionRepository.Row row = new SessionRepository.Row(Ids.newId(), accountId, pinned.flowId(),
                    pinned.version().id(), input.externalUuid(), SessionStatus.PENDING, metadata, null, cost,
                    input.successUrl() != null ? input.successUrl() : def.settings().successUrl(),
                    input.failureUrl() != null ? input.failureUrl() : def.settings().failureUrl(),
                    now, now.plusSeconds(ttl), null);
            sessions.insert(h, row);
            billing.charge(h, accountId, row.id(), cost);
            Session session = view(row, now);
            events.append(h, accountId, EventType.SESSION_CREATED, session.withoutSecret());
            return session;
        });
    }

    private String validate(SessionInput input) {
        List<Issue> issues = new ArrayList<>();
        if (input.flowId() == null) {
            issues.add(new Issue("flowId", "is required"));
        } else if (!Ids.isUuid(input.flowId())) {
            issues.add(new Issue("flowId", "'" + input.flowId() + "' is not a flow id (a UUID)"));
        }
        if (input.externalUuid() != null && !isAnyUuid(input.externalUuid())) {
            issues.add(new Issue("externalUuid", "must be a UUID, e.g. your user's id"));
        }
        if (input.expiresInSeconds() != null && (input.expiresInSeconds() < 60 || input.expiresInSeconds() > 86_400)) {
            issues.add(new Issue("expiresInSeconds", "must be from 60 to 86400 (got " + input.expiresInSeconds() + ")"));
        }
        FlowValidator.checkUrl("successUrl", input.successUrl(), issues);
        FlowValidator.checkUrl("failureUrl", input.failureUrl(), issues);
        String metadata = null;
        if (input.metadata() != null) {
            try {
                metadata = json.writeValueAsString(input.metadata());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            int size = metadata.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_METADATA_BYTES) {
                issues.add(new Issue("metadata", "is " + size + " bytes as JSON; the limit is " + MAX_METADATA_BYTES));
            }
        }
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return metadata;
    }

    private static boolean isAnyUuid(String value) {
        try {
            return value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Never shows a stale status: an overdue pending session is expired on the spot. */
    public Session get(String accountId, String id) {
        return fresh(store.read(h -> require(h, accountId, id))).session();
    }

    /** A session as stored and as shown, read once. */
    record Current(SessionRepository.Row row, Session session) {
    }

    /** The session a holder's client secret named (so no account scopes it), expired on the spot when overdue. */
    Current current(String id) {
        return fresh(store.read(h -> sessions.findById(h, id)).orElseThrow(() -> ApiException.notFound(Resource.SESSION, id)));
    }

    private Current fresh(SessionRepository.Row stored) {
        Instant now = clock.instant();
        SessionRepository.Row row = stored;
        if (row.effectiveStatus(now) != row.status()) {
            expire(row);
            row = store.read(h -> sessions.findById(h, stored.id())).orElseThrow();
        }
        return new Current(row, view(row, now));
    }

    public List<Session> list(String accountId, String status, String flowId, String startingAfter, int limit) {
        SessionStatus parsed = null;
        if (status != null) {
            parsed = SessionStatus.parse(status).orElseThrow(() -> ApiException.validation("status",
                    "'" + status + "' is not a status; use pending, processing, valid, invalid, error, expired or canceled"));
        }
        if (flowId != null && !Ids.isUuid(flowId)) {
            throw ApiException.validation("flowId", "'" + flowId + "' is not a flow id (a UUID)");
        }
        var filter = new SessionRepository.Filter(parsed, flowId, startingAfter, limit);
        Instant now = clock.instant();
        return store.read(h -> sessions.list(h, accountId, filter, now)).stream().map(r -> view(r, now)).toList();
    }

    public Session cancel(String accountId, String id) {
        return store.write(h -> {
            SessionRepository.Row row = require(h, accountId, id);
            Instant now = clock.instant();
            if (row.effectiveStatus(now) != SessionStatus.PENDING) {
                throw ApiException.conflict("Session " + id + " is " + row.effectiveStatus(now).id()
                        + "; only pending sessions can be canceled.");
            }
            return end(h, row, SessionStatus.CANCELED, EventType.SESSION_CANCELED, now)
                    .orElseThrow(() -> ApiException.conflict("Session " + id + " changed while canceling; retry."));
        });
    }

    /** Expires a pending session now (test helper); the same transition the sweeper makes. */
    public Session expireNow(String accountId, String id) {
        return store.write(h -> {
            SessionRepository.Row row = require(h, accountId, id);
            Instant now = clock.instant();
            if (row.effectiveStatus(now) != SessionStatus.PENDING && row.effectiveStatus(now) != SessionStatus.EXPIRED) {
                throw ApiException.conflict("Session " + id + " is " + row.effectiveStatus(now).id()
                        + "; only pending sessions can expire.");
            }
            return end(h, row, SessionStatus.EXPIRED, EventType.SESSION_EXPIRED, now)
                    .orElseGet(() -> view(sessions.findById(h, id).orElseThrow(), now));
        });
    }

    /** Expires every overdue pending session; returns how many this call expired. */
    public int expireDue(int batch) {
        List<SessionRepository.Row> due = store.read(h -> sessions.due(h, clock.instant(), batch));
        int expired = 0;
        for (SessionRepository.Row row : due) {
            if (expire(row)) {
                expired++;
            }
        }
        return expired;
    }

    private boolean expire(SessionRepository.Row row) {
        return store.write(h -> end(h, row, SessionStatus.EXPIRED, EventType.SESSION_EXPIRED, clock.instant()).isPresent());
    }

    /**
     * The one way a pending session ends without a verdict: status change, refund and event in one
     * transaction, and only if this call made the change, so a refund can never happen twice.
     */
    private Optional<Session> end(Handle h, SessionRepository.Row row, SessionStatus to, EventType eventType,
                                  Instant now) {
        if (!sessions.transition(h, row.id(), SessionStatus.PENDING, to, null, now)) {
            return Optional.empty();
        }
        billing.refund(h, row.accountId(), row.id(), row.cost(), to.id());
        SessionRepository.Row ended = sessions.findById(h, row.id()).orElseThrow();
        Session session = view(ended, now);
        events.append(h, row.accountId(), eventType, session.withoutSecret());
        return Optional.of(session);
    }

    /** Credits charged for sessions still in progress: what would come back if they all ended unverified. */
    public long reservedCredits(String accountId) {
        Instant now = clock.instant();
        return store.read(h -> sessions.costInProgress(h, accountId, now));
    }

    /** Sessions created on one UTC day with one status, for charts. */
    public record DayCount(LocalDate day, SessionStatus status, int count) {
    }

    /** Sessions created since {@code since}, counted per UTC day (of creation) and status. */
    public List<DayCount> countsPerDay(String accountId, Instant since) {
        return store.read(h -> sessions.countsPerDay(h, accountId, since)).stream()
                .map(c -> new DayCount(LocalDate.ofEpochDay(c.epochDay()), c.status(), c.count())).toList();
    }

    /** The results of the account's latest sessions that have one, newest first. */
    public List<SessionResult> latestResults(String accountId, int limit) {
        return store.read(h -> sessions.latestResults(h, accountId, limit)).stream().map(this::readResult).toList();
    }

    public boolean existsHere(String accountId, String id) {
        return store.read(h -> sessions.exists(h, accountId, id));
    }

    private SessionRepository.Row require(Handle h, String accountId, String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not a session id (a UUID)");
        }
        return sessions.find(h, accountId, id).orElseThrow(() -> ApiException.notFound(Resource.SESSION, id));
    }

    Session view(SessionRepository.Row row, Instant now) {
        String secret = secrets.secretFor(environment, row.id());
        return new Session(row.id(), row.flowId(), row.flowVersionId(), row.externalUuid(),
                row.effectiveStatus(now), baseUrl.get() + "/verify/" + row.id() + "?token=" + secret, secret,
                readMetadata(row.metadata()), readResult(row.result()), row.cost(), environment.livemode(),
                row.createdAt(), row.expiresAt(), row.completedAt(), row.successUrl(), row.failureUrl());
    }

    private Map<String, Object> readMetadata(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SessionResult readResult(String text) {
        try {
            return text == null ? null : SessionResult.read(json.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored session result is not JSON", e);
        }
    }

    /** A result as the session row stores it: the JSON the API shows. */
    String write(SessionResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
