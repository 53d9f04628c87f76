package dev.proofdesk.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs one operation from many client threads for a fixed time and records each latency in an
 * HdrHistogram. Closed loop by default: each client sends its next request when the previous one
 * answers. With a target rate, each client follows a fixed schedule and latency counts from the
 * intended send time, so a stall is charged to every request it delayed (no coordinated omission).
 */
final class LoadRun {
    private static final long HIGHEST_NANOS = Duration.ofMinutes(2).toNanos();

    /** One call; returns null on success or a short label of the failure (e.g. {@code HTTP 500}). */
    @FunctionalInterface
    interface Operation {
        String call() throws Exception;
    }

    record Result(int clients, Duration measured, long succeeded, Map<String, Long> failures, Histogram latency,
                  Double targetRate) {
        double perSecond() {
            return succeeded / (measured.toNanos() / 1e9);
        }

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private LoadRun() {
    }

    static Result run(int clients, Duration warmup, Duration duration, Double targetRate,
                      IntFunction<Operation> operations) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long interval = targetRate == null ? 0 : (long) (clients * 1e9 / targetRate);
            // Spread the clients' schedules over one interval, so they do not fire in step.
            long first = start + (interval == 0 ? 0 : interval * i / clients);
            all.add(new Client(operations.apply(i), first, interval, measureFrom, end));
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("client-" + i).start(all.get(i)));
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram latency = new Histogram(HIGHEST_NANOS, 3);
        Map<String, Long> failures = new TreeMap<>();
        long ok = 0;
        for (Client c : all) {
            latency.add(c.latency);
            ok += c.succeeded;
            c.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
        }
        return new Result(clients, duration, ok, failures, latency, targetRate);
    }

    private static final class Client implements Runnable {
        private final Operation operation;
        private final long interval;
        private final long measureFrom;
        private final long end;
        private long next;
        final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
        final Map<String, Long> failures = new TreeMap<>();
        long succeeded;

        Client(Operation operation, long first, long interval, long measureFrom, long end) {
            this.operation = operation;
            this.next = first;
            this.interval = interval;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            while (true) {
                long sent;
                if (interval > 0) {
                    sent = next;
                    next += interval;
                    long wait = sent - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                } else {
                    sent = System.nanoTime();
                }
                if (sent >= end) {
                    return;
                }
                String failure;
                try {
                    failure = operation.call();
                } catch (Exception e) {
                    failure = e.getClass().getSimpleName();
                }
                long done = System.nanoTime();
                if (sent < measureFrom || done >= end) {
                    continue;
                }
                if (failure == null) {
                    succeeded++;
                    latency.recordValue(Math.min(done - sent, HIGHEST_NANOS));
                } else {
                    failures.merge(failure, 1L, Long::sum);
                }
            }
        }
    }
}
