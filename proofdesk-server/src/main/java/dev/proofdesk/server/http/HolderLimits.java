package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;
import io.javalin.http.Context;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How often the person verifying may call: per session and per client address, each a token
 * bucket that allows a burst of twenty times its rate. Holder calls need no API key and some
 * write to the store (every challenge does), so without a limit one client secret could keep a
 * store busy. Apply it to every route a client secret opens: the holder API, the hosted page and
 * the chip relay ({@link #acquire(Context)} before the WebSocket upgrade).
 */
public final class HolderLimits {
    private static final int BURST_SECONDS = 20;
    private final RateLimiter perSession;
    private final RateLimiter perAddress;

    /** Requests per second per session and per client address; 0 turns either off. */
    public HolderLimits(int perSessionPerSecond, int perAddressPerSecond, Clock clock) {
        this(perSessionPerSecond, perAddressPerSecond, scope -> RateLimiter.Buckets.inMemory(clock));
    }

    /** As above, with each limiter's buckets from {@code buckets} (by scope), e.g. shared by a cluster. */
    public HolderLimits(int perSessionPerSecond, int perAddressPerSecond,
                        java.util.function.Function<String, RateLimiter.Buckets> buckets) {
        this.perSession = new RateLimiter(perSessionPerSecond, perSessionPerSecond * BURST_SECONDS,
                buckets.apply("holder_session"));
        this.perAddress = new RateLimiter(perAddressPerSecond, perAddressPerSecond * BURST_SECONDS,
                buckets.apply("holder_address"));
    }

    /** For a route with the session id as path parameter {@code id}. */
    public void acquire(Context ctx) {
        acquire(ctx.pathParam("id"), ctx.ip());
    }

    /** Spends one request of this address and of this session, or refuses with 429 and Retry-After. */
    public void acquire(String sessionId, String clientAddress) {
        OptionalLong wait = perAddress.tryAcquire(addressKey(clientAddress));
        if (wait.isPresent()) {
            throw refused("from this address", wait.getAsLong());
        }
        wait = perSession.tryAcquire(sessionId);
        if (wait.isPresent()) {
            throw refused("for this verification", wait.getAsLong());
        }
    }

    private static ApiException refused(String what, long seconds) {
        return new ApiException(429, "rate_limited", "Too many requests " + what + "; retry after " + seconds + " s.",
                Map.of("retryAfterSeconds", seconds), Map.of("Retry-After", Long.toString(seconds)));
    }

    /** An IPv6 client is counted by its /64, the block one subscriber usually holds. */
    static String addressKey(String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        try {
            // A literal with a colon is IPv6 (or IPv4-mapped); parsing it never asks DNS.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
