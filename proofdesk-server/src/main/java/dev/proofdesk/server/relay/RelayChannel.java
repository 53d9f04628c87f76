package dev.proofdesk.server.relay;

import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.passport.chip.ChipIoException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The chip as the terminal sees it, at the other end of a relay: each APDU goes out as a frame and
 * the call waits for the response with the same id, at most the APDU timeout and never past the
 * whole relay's deadline. Frames arrive on the socket's thread ({@link #received}); only the one
 * thread that reads the chip waits on them. The first failure is kept, with the read step it
 * happened in, so the relay can tell the holder what went wrong whatever the terminal made of it.
 */
final class RelayChannel implements ApduChannel {
    /** A well-behaved reader has at most one frame in flight; a few more are room for a late one. */
    private static final int INBOX_CAPACITY = 4;

    private sealed interface Inbound {
    }

    private record Text(String text) implements Inbound {
    }

    private record Refused(String reason) implements Inbound {
    }

    private record Closed() implements Inbound {
    }

    private final BlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);
    private final RelaySocket socket;
    private final RelayFrames frames;
    private final Duration apduTimeout;
    private final Duration readTimeout;
    private final long deadline;
    private volatile boolean flooded;
    private volatile RelayProblem failure;
    private volatile String step;
    private int lastId;
    private int apdus;

    RelayChannel(RelaySocket socket, RelayFrames frames, Duration apduTimeout, Duration readTimeout) {
        this.socket = socket;
        this.frames = frames;
        this.apduTimeout = apduTimeout;
        this.readTimeout = readTimeout;
        this.deadline = System.nanoTime() + readTimeout.toNanos();
    }

    /** A text frame from the reader. Never blocks: the socket's thread must not wait on the chip. */
    void received(String text) {
        if (!inbox.offer(new Text(text))) {
            flooded = true;
        }
    }

    /** A frame the protocol never allows (binary). */
    void refused(String reason) {
        if (!inbox.offer(new Refused(reason))) {
            flooded = true;
        }
    }

    /** The socket closed or failed: whatever waits for a frame stops waiting. */
    void closed() {
        inbox.clear();
        inbox.offer(new Closed());
    }

    /** The first frame: the key that opens the chip. */
    AccessKey awaitAccess() {
        String text = next(null);
        try {
            return frames.access(text);
        } catch (RelayFrames.Refused e) {
            throw fail(e.problem());
        }
    }

    @Override
    public byte[] transmit(byte[] command) {
        int id = ++lastId;
        apdus++;
        send(frames.apdu(id, command));
        String text = next(id);
        try {
            return frames.response(text, id);
        } catch (RelayFrames.Refused e) {
            throw fail(e.problem());
        }
    }

    /** Sends a frame to the reader; a socket that cannot take it ends the relay. */
    void send(String frame) {
        if (failure != null) {
            throw new ChipIoException(failure.message());
        }
        try {
            socket.send(frame);
        } catch (RuntimeException e) {
            throw fail(new RelayProblem(RelayError.DISCONNECTED, "the reader's connection closed"));
        }
    }

    /** Tells the reader the read entered a step, and remembers it for an error frame. */
    void progress(String readStep) {
        step = readStep;
        send(frames.progress(readStep));
    }

    /** The read step the relay is in, or null before the read began. */
    String step() {
        return step;
    }

    /** Why the relay failed on its side (the reader or its connection), if it did. */
    Optional<RelayProblem> failure() {
        return Optional.ofNullable(failure);
    }

    int apduCount() {
        return apdus;
    }

    /** @param apduId the APDU whose response is awaited, or null for the access frame */
    private String next(Integer apduId) {
        if (failure != null) {
            throw new ChipIoException(failure.message());
        }
        if (flooded) {
            throw fail(new RelayProblem(RelayError.INVALID_MESSAGE,
                    "the reader sent frames faster than the protocol allows: one response per APDU, in order"));
        }
        long remaining = deadline - System.nanoTime();
        long wait = Math.min(apduTimeout.toNanos(), remaining);
        Inbound inbound;
        try {
            inbound = wait <= 0 ? null : inbox.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new RelayProblem(RelayError.INTERNAL_ERROR, "the server stopped the relay"));
        }
        return switch (inbound) {
            case null -> throw fail(wait < apduTimeout.toNanos()
                    ? new RelayProblem(RelayError.READ_TIMEOUT, "the relay took longer than " + seconds(readTimeout)
                    + "; keep the document still on the reader and try again")
                    : silence(apduId));
            case Text t -> t.text();
            case Refused r -> throw fail(new RelayProblem(RelayError.INVALID_MESSAGE, r.reason()));
            case Closed c -> throw fail(new RelayProblem(RelayError.DISCONNECTED, "the reader's connection closed"));
        };
    }

    /** No frame within the APDU timeout: before the access frame the app is late, after it the chip or reader went silent. */
    private RelayProblem silence(Integer apduId) {
        if (apduId == null) {
            return new RelayProblem(RelayError.APDU_TIMEOUT, "no access frame within " + seconds(apduTimeout)
                    + "; send it as soon as the relay opens");
        }
        return new RelayProblem(RelayError.APDU_TIMEOUT, "the chip or the reader went silent"
                + (step == null ? "" : " during " + step) + ": no answer to APDU " + apduId + " within "
                + seconds(apduTimeout) + "; keep the document still on the reader and try again");
    }

    private ChipIoException fail(RelayProblem problem) {
        if (failure == null) {
            failure = problem.during(step);
        }
        return new ChipIoException(problem.message());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
