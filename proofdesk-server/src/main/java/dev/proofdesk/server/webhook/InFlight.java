package dev.proofdesk.server.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deliveries a dispatcher has claimed and not yet settled (recorded, given back or set aside).
 * Claims stop at the capacity, so a node never leases more than its workers can soon send.
 */
final class InFlight {
    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();

    InFlight(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** How many more may be claimed now. */
    int room() {
        return capacity - count.get();
    }

    void claimed(int rows) {
        count.addAndGet(rows);
    }

    void settled(int rows) {
        count.addAndGet(-rows);
    }

    /** Waits up to {@code limit} for every claimed delivery to settle; false if some are still out. */
    boolean awaitSettled(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return count.get() <= 0;
    }
}
