package dev.proofdesk.server.relay;

import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.chip.ChipIoException;
import dev.proofdesk.passport.chip.ChipRead;
import dev.proofdesk.passport.chip.ChipReadException;
import dev.proofdesk.passport.chip.ChipTerminal;
import dev.proofdesk.server.config.RelaySettings;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.session.HolderSessions;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.verification.VerificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One relay connection, from the access frame to the verdict. The read runs on its own virtual
 * thread, never on the socket's: the chip is slow and the socket's thread must keep delivering
 * frames. A relay that ends before a verdict (wrong key, a dropped or misbehaving reader, a timeout)
 * leaves the session {@code pending} so the holder can try again; once the chip has been read, the
 * verdict goes through the same claim and recording as a submission, so the relay is the session's
 * one submission.
 */
final class RelayConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RelayConnection.class);
    /** The lease outlives the longest read by this much, so it only lapses when its node is gone. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** The WebSocket close code after the final frame, whatever it said: the frame carries the outcome. */
    private static final int CLOSE_NORMAL = 1000;

    private final String sessionId;
    private final String clientSecret;
    private final VerificationService verification;
    private final ChipTerminal terminal;
    private final RelaySettings settings;
    private final RelaySocket socket;
    private final RelayFrames frames;
    private final RelayChannel channel;

    RelayConnection(String sessionId, String clientSecret, VerificationService verification, ChipTerminal terminal,
                    RelaySettings settings, RelayFrames frames, RelaySocket socket) {
        this.sessionId = sessionId;
        this.clientSecret = clientSecret;
        this.verification = verification;
        this.terminal = terminal;
        this.settings = settings;
        this.socket = socket;
        this.frames = frames;
        this.channel = new RelayChannel(socket, frames, settings.apduTimeout(), settings.readTimeout());
    }

    void start() {
        Thread.ofVirtual().name("chip-relay-" + sessionId).start(this::run);
    }

    void received(String text) {
        channel.received(text);
    }

    void receivedBinary() {
        channel.refused("binary frames are not part of the protocol: send JSON text frames");
    }

    void closed() {
        channel.closed();
    }

    private void run() {
        String finalFrame;
        try {
            finalFrame = leaseAndRead();
        } catch (RuntimeException e) {
            LOG.error("chip relay for session {} failed", sessionId, e);
            finalFrame = frames.error(new RelayProblem(RelayError.INTERNAL_ERROR,
                    "Something went wrong on our side; the session is unchanged, try again."));
        }
        try {
            socket.send(finalFrame);
        } catch (RuntimeException e) {
            LOG.debug("chip relay for session {}: the reader left before the final frame", sessionId);
        }
        socket.close(CLOSE_NORMAL, "done");
    }

    private String leaseAndRead() {
        HolderSessions holder = verification.holder();
        HolderSessions.RelayLease lease = holder.leaseRelay(sessionId, clientSecret,
                settings.readTimeout().plus(LEASE_MARGIN));
        return switch (lease) {
            case HolderSessions.RelayLease.Busy busy -> frames.error(new RelayProblem(RelayError.RELAY_BUSY,
                    "Another reader is relaying this session's chip. Wait for it to finish, or close it and try again."));
            case HolderSessions.RelayLease.NotPending ended -> frames.error(new RelayProblem(
                    RelayError.SESSION_NOT_PENDING, "Session " + sessionId + " is " + ended.status().id()
                    + "; it no longer accepts a chip."));
            case HolderSessions.RelayLease.Granted granted -> {
                try {
                    yield read();
                } finally {
                    holder.releaseRelay(sessionId, granted.leaseId());
                }
            }
        };
    }

    private String read() {
        ChipRead chip;
        try {
            AccessKey key = channel.awaitAccess();
            chip = terminal.read(channel, key, channel::progress);
        } catch (ChipReadException e) {
            return ended(channel.failure().orElseGet(() -> new RelayProblem(RelayError.of(e.reason()), e.getMessage(),
                    channel.step())));
        } catch (ChipIoException e) {
            return ended(channel.failure().orElseGet(() -> new RelayProblem(RelayError.CHIP_ERROR, e.getMessage(),
                    channel.step())));
        }
        try {
            channel.send(frames.progress("verifying"));
        } catch (ChipIoException e) {
            // The chip is read: its verdict no longer needs the reader, so a reader gone now changes nothing.
        }
        Session session;
        try {
            session = verification.completeRead(sessionId, clientSecret, chip);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return ended(new RelayProblem(RelayError.SESSION_NOT_PENDING, e.getMessage()));
        }
        LOG.info("chip relay for session {}: {} ({} APDUs, {})", sessionId, session.status().id(), chip.apduCount(),
                chip.accessControl());
        return frames.result(session);
    }

    private String ended(RelayProblem problem) {
        LOG.info("chip relay for session {} ended without a verdict after {} APDUs: {} (step {})", sessionId,
                channel.apduCount(), problem.error().code(), problem.step());
        return frames.error(problem);
    }
}
