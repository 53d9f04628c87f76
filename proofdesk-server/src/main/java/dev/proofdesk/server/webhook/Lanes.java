package dev.proofdesk.server.webhook;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Per-endpoint concurrency: at most {@code limit} deliveries in flight to one endpoint. Behind an
 * endpoint that has just answered quickly up to {@code backlog} more may wait (they go out within
 * milliseconds); behind one not yet heard from, or slow (its last attempt timed out, failed to
 * connect or took over 5 s), only {@code limit}, and those are handed back as soon as it proves
 * slow, since each would wait a full timeout. A full endpoint is left out of the next claim, so a
 * slow or dead endpoint holds only its own slots while the others keep flowing.
 */
final class Lanes {
    private volatile int limit;
    private final int backlog;
    private final Consumer<Job> starter;
    private final Map<String, Lane> lanes = new HashMap<>();

    private static final class Lane {
        int running;
        boolean slow = true; // until it answers quickly
        long lastProgress = System.nanoTime();
        final Deque<Job> waiting = new ArrayDeque<>();
    }

    Lanes(int limit, int backlog, Consumer<Job> starter) {
        this.limit = limit;
        this.backlog = Math.max(limit, backlog);
        this.starter = starter;
    }

    /** A new per-endpoint limit, e.g. this node's share of a cluster's; lanes above it shrink as jobs finish. */
    void limit(int newLimit) {
        limit = Math.max(1, newLimit);
    }

    private int waitingLimit(Lane lane) {
        return lane.slow ? limit : backlog;
    }

    /** Starts or queues the job; false when its endpoint's lane is full. */
    boolean offer(Job job) {
        boolean start;
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(job.endpointId(), id -> new Lane());
            if (lane.running < limit) {
                lane.running++;
                start = true;
            } else if (lane.waiting.size() < waitingLimit(lane)) {
                lane.waiting.add(job);
                start = false;
            } else {
                return false;
            }
        }
        if (start) {
            starter.accept(job);
        }
        return true;
    }

    /**
     * A job of this endpoint finished: start the next waiting one, if any. Returns the waiting jobs
     * taken back because the endpoint proved slow; the caller returns them to the store.
     */
    List<Job> done(String endpointId, boolean slow) {
        Job next;
        List<Job> dropped = List.of();
        synchronized (this) {
            Lane lane = lanes.get(endpointId);
            if (lane == null) {
                return dropped;
            }
            lane.slow = slow;
            lane.lastProgress = System.nanoTime();
            if (slow && !lane.waiting.isEmpty()) {
                dropped = new ArrayList<>(lane.waiting);
                lane.waiting.clear();
            }
            // Above a limit that shrank meanwhile (more nodes share the endpoint), a slot is given up.
            next = lane.running <= limit ? lane.waiting.poll() : null;
            if (next == null) {
                lane.running--;
                if (lane.running == 0) {
                    lanes.remove(endpointId);
                }
            }
        }
        if (next != null) {
            starter.accept(next);
        }
        return dropped;
    }

    synchronized Set<String> full() {
        return lanes.entrySet().stream()
                .filter(e -> e.getValue().running + e.getValue().waiting.size() >= limit + waitingLimit(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Endpoints whose every slot has been busy, with nothing finishing, for longer than {@code quiet}. */
    synchronized Set<String> stuck(Duration quiet) {
        long now = System.nanoTime();
        return lanes.entrySet().stream()
                .filter(e -> e.getValue().running >= limit && now - e.getValue().lastProgress > quiet.toNanos())
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Takes every waiting job out, for a shutdown that gives them back to the store. */
    synchronized List<Job> drainWaiting() {
        List<Job> out = new ArrayList<>();
        lanes.values().forEach(lane -> {
            out.addAll(lane.waiting);
            lane.waiting.clear();
        });
        return out;
    }
}
