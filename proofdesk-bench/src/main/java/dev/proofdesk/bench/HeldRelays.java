package dev.proofdesk.bench;

import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.server.relay.RelayClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many relays open at once, each in the middle of a read: the reader has sent its access frame and
 * the server is waiting for the chip, which answers every APDU only after {@code hold} (kept under
 * the server's per-APDU timeout, so no relay times out). Once every relay has had its first APDU
 * the server's heap is taken after a full collection; then the readers hang up, leaving their
 * sessions pending as a dropped phone would.
 */
final class HeldRelays {
    private static final Duration OPEN_LIMIT = Duration.ofSeconds(60);

    private HeldRelays() {
    }

    /**
     * @param heapBefore heap in use after a full GC before any relay opened, bytes
     * @param heapOpen heap in use after a full GC with the relays open, bytes
     * @param open relays that were mid-read (first APDU received, not ended) when the heap was taken
     * @param endedEarly relays that ended before the readers hung up, by how they ended (none should)
     * @param opening from the first connection to the last relay's first APDU (or the limit)
     */
    record Result(int count, long heapBefore, long heapOpen, int open, Map<String, Integer> endedEarly, Duration opening) {
        void print(PrintWriter out, String name) {
            out.printf(Locale.ROOT, "  heap with %d relays open mid-read: %.1f MB after a full GC (%.1f MB before opening "
                            + "them%s)%n", count, heapOpen / 1e6, heapBefore / 1e6, open == 0 ? ""
                            : String.format(Locale.ROOT, "; %.1f KB per open relay", (heapOpen - heapBefore) / 1e3 / open));
            out.printf(Locale.ROOT, "    all reading after %.1f s; %d open when the heap was taken; ended early: %s%n",
                    opening.toMillis() / 1e3, open, endedEarly.isEmpty() ? "none" : endedEarly);
            out.printf(Locale.ROOT, "RESULT {\"name\":\"%s-heap\",\"relays\":%d,\"open\":%d,\"heapOpenBytes\":%d,"
                    + "\"heapBeforeBytes\":%d}%n", name, count, open, heapOpen, heapBefore);
        }
    }

    static Result measure(Proofdesk proofdesk, String flow, RelayClient relay, RelaysCommand.Chips chips, int count,
                          Duration hold, ServerProbe probe) throws InterruptedException {
        List<Session> sessions = createSessions(proofdesk, flow, count);
        long before = probe.heapUsedAfterGc();
        long started = System.nanoTime();
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        Map<String, Integer> endings = new ConcurrentHashMap<>();
        AtomicBoolean hungUp = new AtomicBoolean();
        CountDownLatch settled = new CountDownLatch(count);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Session session = sessions.get(i);
            RelaysCommand.Chip chip = chips.get(i);
            ChipEmulator emulated = ChipEmulator.builder(chip.image()).delayPerApdu(hold).build();
            AtomicBoolean first = new AtomicBoolean(true);
            ApduChannel card = command -> {
                if (first.getAndSet(false)) {
                    reading.incrementAndGet();
                    settled.countDown();
                }
                return emulated.transmit(command);
            };
            readers.add(Thread.ofVirtual().name("held-relay-" + i).start(() -> {
                RelayClient.Outcome outcome = relay.relay(chips.url(session.id()), session.clientSecret(), chip.key(),
                        card, Duration.ofMinutes(5), step -> { });
                ended.incrementAndGet();
                if (!hungUp.get()) {
                    endings.merge(outcome instanceof RelayClient.Outcome.Refused r ? r.code() : "verdict", 1, Integer::sum);
                }
                if (first.getAndSet(false)) {
                    settled.countDown();
                }
            }));
        }
        settled.await(OPEN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        Duration opening = Duration.ofNanos(System.nanoTime() - started);
        int open = reading.get() - ended.get();
        long during = probe.heapUsedAfterGc();
        hungUp.set(true);
        readers.forEach(Thread::interrupt);
        for (Thread t : readers) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        return new Result(count, before, during, open, new TreeMap<>(endings), opening);
    }

    /** Sessions for every relay, created ahead (sixteen at a time) so that opening them is quick. */
    private static List<Session> createSessions(Proofdesk proofdesk, String flow, int count) throws InterruptedException {
        SessionCreateParams params = SessionCreateParams.builder().flowId(flow).build();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Session>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(pool.submit(() -> proofdesk.sessions().create(params)));
            }
            List<Session> sessions = new ArrayList<>();
            for (Future<Session> f : pending) {
                try {
                    sessions.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("creating the sessions to hold open failed: " + e.getCause(), e.getCause());
                }
            }
            return sessions;
        }
    }
}
