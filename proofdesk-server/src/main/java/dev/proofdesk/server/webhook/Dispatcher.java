package dev.proofdesk.server.webhook;

import dev.proofdesk.server.event.Event;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.store.Dialect;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers one environment's outbox. A loop claims due rows in short transactions (never across
 * an HTTP call), hands them to per-endpoint lanes that send on virtual threads, and a
 * {@link OutcomeWriter} records the results in batches. It wakes on commit and polls as a fallback;
 * rows of a node that died mid-delivery come back when their lease runs out.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_CLAIM = 250;
    private static final Duration SLOW = Duration.ofSeconds(5);
    /** How long a stuck endpoint's waiting deliveries are set aside, so claims need not walk past them. */
    private static final Duration STUCK = Duration.ofSeconds(2);

    private final Environment environment;
    private final Store store;
    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final EndpointKeys keys;
    private final EventLog events;
    private final Payloads payloads;
    private final Attempts attempts;
    private final Clock clock;
    private final Duration lease;
    private final Duration poll;
    private final InFlight inFlight;
    private final int perEndpoint;
    private final Semaphore workers;
    private final Lanes lanes;
    private final OutcomeWriter writer;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean claiming = true;
    private Thread loop;

    record Settings(int workers, int perEndpoint, Duration lease, Duration poll) {
    }

    Dispatcher(Store store, EventLog events, DeliveryRepository deliveries, EndpointRepository endpoints,
               EndpointKeys keys, Payloads payloads, Attempts attempts, EndpointHealth health, Clock clock,
               Settings settings) {
        this.environment = store.environment().orElseThrow();
        this.store = store;
        this.events = events;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.keys = keys;
        this.payloads = payloads;
        this.attempts = attempts;
        this.clock = clock;
        this.lease = settings.lease();
        this.poll = settings.poll();
        this.inFlight = new InFlight(settings.workers() * 2);
        this.perEndpoint = settings.perEndpoint();
        this.workers = new Semaphore(settings.workers());
        this.lanes = new Lanes(settings.perEndpoint(), inFlight.capacity(), job -> Thread.ofVirtual()
                .name("webhook-" + environment.id()).start(() -> run(job)));
        this.writer = new OutcomeWriter(store, deliveries, health, clock, done -> {
            inFlight.settled(done);
            wake();
        });
    }

    public void start() {
        if (store.dialect() == Dialect.SQLITE) {
            // One dispatcher per SQLite file: any lease left behind belongs to a process that died.
            int released = store.write(h -> deliveries.releaseAllLeases(h, now()));
            if (released > 0) {
                LOG.info("{} webhook deliveries interrupted by a stop are due again", released);
            }
        }
        running = true;
        writer.start(environment);
        loop = Thread.ofPlatform().daemon().name("webhook-dispatcher-" + environment.id()).start(this::loop);
    }

    /** New deliveries committed, or capacity freed: claim now rather than at the next poll. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    private void loop() {
        long nextStuckCheck = 0;
        while (running) {
            if (System.nanoTime() > nextStuckCheck) {
                setAsideStuck();
                nextStuckCheck = System.nanoTime() + STUCK.toNanos();
            }
            int wanted = claiming ? Math.min(MAX_CLAIM, inFlight.room()) : 0;
            int claimed = 0;
            if (wanted > 0) {
                try {
                    claimed = claimAndDispatch(wanted);
                } catch (RuntimeException e) {
                    LOG.warn("claiming {} webhook deliveries failed; will retry", environment.id(), e);
                }
            }
            if (claimed < wanted || wanted <= 0) {
                try {
                    signal.tryAcquire(poll.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * An endpoint whose slots are all hung takes nothing more until one comes back, so its due
     * deliveries are moved a little into the future: otherwise every claim would walk past them.
     */
    private void setAsideStuck() {
        Set<String> stuck = lanes.stuck(STUCK);
        if (stuck.isEmpty()) {
            return;
        }
        Instant until = now().plus(STUCK);
        try {
            store.writeVoid(h -> stuck.forEach(id -> deliveries.hold(h, id, until)));
        } catch (RuntimeException e) {
            LOG.warn("could not set aside the deliveries of {} stuck endpoints", stuck.size(), e);
        }
    }

    private int claimAndDispatch(int wanted) {
        Instant now = now();
        String token = Ids.newId();
        List<Claimed> rows = store.write(h ->
                deliveries.claim(h, now, now.plus(lease), token, wanted, lanes.full()));
        if (rows.isEmpty()) {
            return 0;
        }
        inFlight.claimed(rows.size());
        var ids = rows.stream().map(Claimed::eventId).collect(Collectors.toSet());
        var endpointIds = rows.stream().map(Claimed::endpointId).collect(Collectors.toSet());
        Map<String, Event> eventsById = store.read(h -> events.byIds(h, ids)).stream()
                .collect(Collectors.toMap(Event::id, Function.identity()));
        Map<String, Endpoint> endpointsById = store.read(h -> endpoints.byIds(h, endpointIds)).stream()
                .collect(Collectors.toMap(Endpoint::id, Function.identity()));
        Map<String, String> bodies = eventsById.values().stream()
                .collect(Collectors.toMap(Event::id, payloads::of));
        List<Claimed> overflow = new ArrayList<>();
        Map<Instant, List<Claimed>> paused = new java.util.HashMap<>();
        for (Claimed row : rows) {
            Endpoint endpoint = endpointsById.get(row.endpointId());
            String body = bodies.get(row.eventId());
            if (endpoint == null || !endpoint.enabled() || body == null) {
                writer.add(Outcome.canceled(row, now));
                continue;
            }
            if (endpoint.pausedUntil() != null && endpoint.pausedUntil().isAfter(now)) {
                paused.computeIfAbsent(endpoint.pausedUntil(), t -> new ArrayList<>()).add(row);
                continue;
            }
            Job job = new Job(row, URI.create(endpoint.url()), body, keys.signingKeys(endpoint, now));
            if (!lanes.offer(job)) {
                overflow.add(row);
            }
        }
        if (!overflow.isEmpty() || !paused.isEmpty()) {
            store.writeVoid(h -> {
                deliveries.release(h, overflow, now);
                paused.forEach((until, held) -> deliveries.release(h, held, until));
            });
            inFlight.settled(overflow.size() + paused.values().stream().mapToInt(List::size).sum());
        }
        return rows.size();
    }

    private void run(Job job) {
        boolean slow = false;
        try {
            workers.acquire();
            try {
                Outcome outcome = attempts.attempt(job);
                slow = outcome.statusCode() == null || outcome.durationMs() > SLOW.toMillis();
                writer.add(outcome);
            } finally {
                workers.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("webhook delivery {} failed unexpectedly; it stays reserved until its lease ends",
                    job.claimed().id(), e);
        } finally {
            List<Claimed> dropped = lanes.done(job.endpointId(), slow).stream().map(Job::claimed).toList();
            if (!dropped.isEmpty()) {
                giveBack(dropped);
            }
        }
    }

    private void giveBack(List<Claimed> rows) {
        try {
            store.writeVoid(h -> deliveries.release(h, rows, now()));
        } catch (RuntimeException e) {
            LOG.warn("could not give back {} deliveries; their lease will end", rows.size(), e);
        }
        inFlight.settled(rows.size());
        wake();
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    /**
     * The per-endpoint concurrency is the cluster's: with {@code nodes} nodes delivering, this one
     * sends at most its share to one endpoint at a time (at least one).
     */
    public void shareEndpointsWith(int nodes) {
        lanes.limit(perEndpoint / Math.max(1, nodes));
    }

    /**
     * Claims nothing more (the node is stopping): what is in flight finishes, and the rest stays in
     * the outbox for the other nodes.
     */
    public void stopClaiming() {
        claiming = false;
        wake();
        List<Claimed> waiting = lanes.drainWaiting().stream().map(Job::claimed).toList();
        if (!waiting.isEmpty()) {
            giveBack(waiting);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    /** Stops, handing back waiting deliveries and giving those in flight up to {@code inFlight} to finish. */
    public void close(Duration inFlight) {
        running = false;
        wake();
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Claimed> waiting = lanes.drainWaiting().stream().map(Job::claimed).toList();
        if (!waiting.isEmpty()) {
            giveBack(waiting);
        }
        this.inFlight.awaitSettled(inFlight);
        writer.close();
    }
}
