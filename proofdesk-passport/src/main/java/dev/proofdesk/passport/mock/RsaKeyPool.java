package dev.proofdesk.passport.mock;

import java.security.KeyPair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RSA chip keys made ahead of time: generating a 2048-bit key takes tens of milliseconds,
 * far beyond the budget of issuing a mock document. A single low-priority thread refills
 * the pool after each take. When demand outruns it, an already-issued key is handed out
 * again rather than making the caller wait; that is harmless for test documents, whose
 * chips need only prove possession of the key their own DG15 states.
 */
final class RsaKeyPool implements AutoCloseable {
    private static final int BITS = 2048;
    private final int capacity;
    private final Deque<KeyPair> fresh = new ArrayDeque<>();
    private final List<KeyPair> issued = new ArrayList<>();
    private final ExecutorService refiller;
    private boolean refillQueued;

    RsaKeyPool(int capacity) {
        this.capacity = capacity;
        this.refiller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "proofdesk-rsa-chip-keys");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        // The refill starts with the first RSA chip key asked for, not at construction: a server
        // that never issues an RSA mock document should not spend CPU making keys for one.
    }

    KeyPair take() {
        KeyPair key;
        synchronized (this) {
            key = fresh.pollFirst();
            if (key == null && !issued.isEmpty()) {
                key = issued.get(ThreadLocalRandom.current().nextInt(issued.size()));
            }
            if (key != null) {
                remember(key);
            }
        }
        if (key == null) {
            // Only before the very first key exists.
            key = SignatureAlgorithm.Generators.rsa(BITS);
            synchronized (this) {
                remember(key);
            }
        }
        scheduleRefill();
        return key;
    }

    private void remember(KeyPair key) {
        if (issued.size() >= capacity) {
            issued.remove(0);
        }
        if (!issued.contains(key)) {
            issued.add(key);
        }
    }

    private synchronized void scheduleRefill() {
        if (refillQueued || refiller.isShutdown() || fresh.size() >= capacity) {
            return;
        }
        refillQueued = true;
        refiller.execute(this::refill);
    }

    private void refill() {
        while (!refiller.isShutdown()) {
            synchronized (this) {
                if (fresh.size() >= capacity) {
                    refillQueued = false;
                    return;
                }
            }
            long start = System.nanoTime();
            KeyPair key = SignatureAlgorithm.Generators.rsa(BITS);
            synchronized (this) {
                fresh.addLast(key);
            }
            // Keep the refill to about a quarter of one core, so a burst of mock documents on a
            // small machine is not slowed by the very work meant to keep it fast.
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(3 * (System.nanoTime() - start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized int freshCount() {
        return fresh.size();
    }

    @Override
    public void close() {
        refiller.shutdownNow();
    }
}
