package dev.proofdesk.server.session;

import dev.proofdesk.server.billing.SessionBilling;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.event.EventType;
import dev.proofdesk.server.flow.FlowDefinition;
import dev.proofdesk.server.flow.FlowService;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The holder's side of a session, authorised by its client secret instead of an API key:
 * fetch a challenge, then claim the session for processing and record the verdict. Every state
 * change is a conditional update, so a session is completed, charged back or evented once.
 */
public final class HolderSessions {
    /** A challenge older than this is refused: the chip must answer promptly. */
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(10);
    /** A session still processing after this was interrupted by a crash. */
    public static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(2);

    private final Store store;
    private final Environment environment;
    private final SessionService sessions;
    private final FlowService flows;
    private final EventLog events;
    private final SessionBilling billing;
    private final ClientSecrets secrets;
    private final Clock clock;
    private final SessionRepository repository = new SessionRepository();

    public HolderSessions(Store store, SessionService sessions, FlowService flows, EventLog events,
                          SessionBilling billing, ClientSecrets secrets, Clock clock) {
        this.store = store;
        this.environment = store.environment().orElseThrow();
        this.sessions = sessions;
        this.flows = flows;
        this.events = events;
        this.billing = billing;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * What a claimed submission needs: the challenge it must answer (null for a chip the server read
     * itself) and the flow version's rules.
     */
    public record Claim(String sessionId, String accountId, String flowId, byte[] challenge,
                        FlowDefinition definition) {
    }

    /** A session as the hosted page opens it: with its account and the pinned flow version's definition. */
    public record Opened(Session session, String accountId, FlowDefinition definition) {
    }

    public Opened open(String id, String secret) {
        SessionService.Current current = authorise(id, secret);
        FlowDefinition def = store.read(h -> flows.version(h, current.row().flowVersionId()).definition());
        return new Opened(current.session(), current.row().accountId(), def);
    }

    /**
     * The open challenge while it is younger than half its lifetime, else a new one: a page that shows
     * the challenge in a QR code can reload without invalidating what a phone has already scanned.
     */
    public String currentChallenge(String id, String secret) {
        requirePending(authorise(id, secret));
        Instant freshAfter = clock.instant().minus(CHALLENGE_TTL.dividedBy(2));
        return store.read(h -> repository.openChallenge(h, id))
                .filter(c -> c.issuedAt().isAfter(freshAfter))
                .map(SessionRepository.Challenge::value)
                .orElseGet(() -> issueChallenge(id));
    }

    /** The session the secret unlocks, as the holder may see it. */
    public Session session(String id, String secret) {
        return authorise(id, secret).session();
    }

    public String newChallenge(String id, String secret) {
        requirePending(authorise(id, secret));
        return issueChallenge(id);
    }

    private String issueChallenge(String id) {
        String challenge = Base64.getEncoder().encodeToString(Crypto.randomBytes(8));
        store.writeVoid(h -> repository.setChallenge(h, id, challenge, clock.instant()));
        return challenge;
    }

    /** Moves a pending session to processing and hands out its challenge, which is consumed. */
    public Claim claim(String id, String secret) {
        SessionRepository.Row row = requirePending(authorise(id, secret));
        return store.write(h -> {
            Instant now = clock.instant();
            var challenge = repository.takeChallenge(h, id).orElseThrow(() -> ApiException.conflict(
                    "Session " + id + " has no open challenge. Fetch one (GET /v1/sessions/" + id
                            + "/challenge), have the chip sign it, then submit."));
            if (challenge.issuedAt().plus(CHALLENGE_TTL).isBefore(now)) {
                throw ApiException.conflict("The challenge of session " + id + " is older than "
                        + CHALLENGE_TTL.toMinutes() + " minutes; fetch a new one.");
            }
            if (!repository.transition(h, id, SessionStatus.PENDING, SessionStatus.PROCESSING, null, now)) {
                throw ApiException.conflict("Session " + id + " is no longer pending.");
            }
            FlowDefinition def = flows.version(h, row.flowVersionId()).definition();
            return new Claim(id, row.accountId(), row.flowId(), Base64.getDecoder().decode(challenge.value()), def);
        });
    }

    /** What a chip relay may do with a session right now. */
    public sealed interface RelayLease {
        /** The relay holds the session until it releases the lease or the lease runs out. */
        record Granted(String leaseId) implements RelayLease {
        }

        /** Another relay holds the session. */
        record Busy() implements RelayLease {
        }

        /** The session has ended (or is being verified): it takes no more reads. */
        record NotPending(SessionStatus status) implements RelayLease {
        }
    }

    /**
     * Reserves a pending session for one chip relay, across every node sharing the store, for at most
     * {@code ttl}: long enough for a whole read, short enough that a node dying mid-read does not lock
     * the holder out for long.
     */
    public RelayLease leaseRelay(String id, String secret, Duration ttl) {
        authorise(id, secret);
        String lease = Ids.newId();
        Instant now = clock.instant();
        if (store.write(h -> repository.takeRelayLease(h, id, lease, now.plus(ttl), now))) {
            return new RelayLease.Granted(lease);
        }
        SessionStatus status = sessions.current(id).session().status();
        return status == SessionStatus.PENDING ? new RelayLease.Busy() : new RelayLease.NotPending(status);
    }

    public void releaseRelay(String id, String leaseId) {
        store.writeVoid(h -> repository.releaseRelayLease(h, id, leaseId));
    }

    /**
     * Moves a pending session to processing for a verdict that answers no session challenge: a chip
     * the server read itself (its terminal chose its own challenges), or a submission without an
     * active-authentication signature.
     */
    public Claim claimWithoutChallenge(String id, String secret) {
        SessionRepository.Row row = requirePending(authorise(id, secret));
        return store.write(h -> {
            if (!repository.transition(h, id, SessionStatus.PENDING, SessionStatus.PROCESSING, null, clock.instant())) {
                throw ApiException.conflict("Session " + id + " is no longer pending.");
            }
            FlowDefinition def = flows.version(h, row.flowVersionId()).definition();
            return new Claim(id, row.accountId(), row.flowId(), null, def);
        });
    }

    /** Records the verdict of a claimed session: status, result, event, and a refund on error. */
    public Session finish(Claim claim, Verdict verdict) {
        return store.write(h -> {
            Instant now = clock.instant();
            Verdict effective = uniqueness(h, claim, verdict, now);
            String result = sessions.write(effective.result());
            if (!repository.transition(h, claim.sessionId(), SessionStatus.PROCESSING, effective.status(), result, now)) {
                throw ApiException.conflict("Session " + claim.sessionId() + " is no longer processing.");
            }
            if (effective.nullifier() != null) {
                repository.setNullifier(h, claim.sessionId(), effective.nullifier());
            }
            return completed(h, claim.sessionId(), effective.status(), now);
        });
    }

    /** Ends sessions a crash left in processing, with an error and a refund. */
    public int recoverInterrupted(int batch) {
        Instant cutoff = clock.instant().minus(PROCESSING_TIMEOUT);
        List<SessionRepository.Row> stuck = store.read(h -> repository.stuckProcessing(h, cutoff, batch));
        int recovered = 0;
        for (SessionRepository.Row row : stuck) {
            recovered += store.write(h -> {
                Instant now = clock.instant();
                String result = sessions.write(SessionResult.interrupted());
                if (!repository.transition(h, row.id(), SessionStatus.PROCESSING, SessionStatus.ERROR, result, now)) {
                    return 0;
                }
                completed(h, row.id(), SessionStatus.ERROR, now);
                return 1;
            });
        }
        return recovered;
    }

    private Session completed(Handle h, String id, SessionStatus status, Instant now) {
        SessionRepository.Row row = repository.findById(h, id).orElseThrow();
        if (status.refundable()) {
            billing.refund(h, row.accountId(), id, row.cost(), status.id());
        }
        Session session = sessions.view(row, now);
        events.append(h, row.accountId(), EventType.VERIFICATION_COMPLETED, session.withoutSecret());
        return session;
    }

    /**
     * Every valid verdict claims its document in the flow, in the verdict's transaction, so a flow
     * that turns {@code oneVerificationPerDocument} on later still knows the documents it verified.
     */
    private Verdict uniqueness(Handle h, Claim claim, Verdict verdict, Instant now) {
        if (verdict.status() != SessionStatus.VALID || verdict.nullifier() == null) {
            return verdict;
        }
        boolean used = !repository.claimDocument(h, claim.accountId(), claim.flowId(), verdict.nullifier(),
                claim.sessionId(), now);
        if (!claim.definition().settings().oneVerificationPerDocument()) {
            return verdict;
        }
        return new Verdict(used ? SessionStatus.INVALID : SessionStatus.VALID, verdict.result().withCheck(
                new SessionResult.Check("uniqueness", !used, used ? "document_already_used" : null, false)));
    }

    /** The one read of the session a holder call makes: the secret must be the session's own. */
    private SessionService.Current authorise(String id, String secret) {
        if (!Ids.isUuid(id) || !secrets.matches(environment, id, secret)) {
            throw ApiException.unauthenticated("This session's client secret is required: "
                    + "'Authorization: Bearer cs_…' as returned when the session was created.");
        }
        return sessions.current(id);
    }

    private static SessionRepository.Row requirePending(SessionService.Current current) {
        Session session = current.session();
        if (session.status() != SessionStatus.PENDING) {
            throw ApiException.conflict("Session " + session.id() + " is " + session.status().id()
                    + "; it no longer accepts submissions.");
        }
        return current.row();
    }
}
