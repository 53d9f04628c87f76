package dev.proofdesk.server.http;

import io.javalin.config.RoutesConfig;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node on its way out: once {@link #begin() begun}, {@code /readyz} answers 503 so the load
 * balancer sends new requests elsewhere, while the requests already here are counted until they
 * are answered.
 */
public final class Draining implements RouteModule {
    private static final String COUNTED = "proofdesk.drain.counted";
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.before(ctx -> {
            inFlight.incrementAndGet();
            ctx.attribute(COUNTED, Boolean.TRUE);
        });
        routes.after(ctx -> {
            if (ctx.attribute(COUNTED) != null) {
                ctx.attribute(COUNTED, null);
                inFlight.decrementAndGet();
            }
        });
    }

    /** From now on the node reports itself not ready. */
    public void begin() {
        draining.set(true);
    }

    public boolean draining() {
        return draining.get();
    }

    /** Waits until no request is in flight, or {@code limit} has passed; true when none is left. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
