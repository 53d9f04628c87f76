package dev.proofdesk.server.testhelper;

import dev.proofdesk.server.apikey.Caller;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.Pagination;
import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.http.RouteModule;
import dev.proofdesk.server.session.ClientSecrets;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.session.SessionService;
import dev.proofdesk.server.store.Environment;
import io.javalin.config.RoutesConfig;

import java.util.Base64;
import java.util.Map;

/**
 * {@code /v1/test_helpers}: test keys only. Completing a session here performs the holder side for
 * real (challenge, chip signature with the mock chip's key, submission) through the verifier live uses;
 * {@code sign_challenge} lends the mock chip's signature to whoever plays the holder by hand.
 */
public final class TestHelperRoutes implements RouteModule {
    private final PerEnvironment<SessionService> sessions;
    private final MockPassportService mockPassports;
    private final MockHolder holder;
    private final ClientSecrets secrets;
    private final Bodies bodies;

    public TestHelperRoutes(PerEnvironment<SessionService> sessions, MockPassportService mockPassports,
                            MockHolder holder, ClientSecrets secrets, Bodies bodies) {
        this.sessions = sessions;
        this.mockPassports = mockPassports;
        this.holder = holder;
        this.secrets = secrets;
        this.bodies = bodies;
    }

    record CompleteInput(String mockPassportId) {
    }

    record SignChallengeInput(String challenge) {
    }

    /** An ICAO challenge is 8 bytes; anything up to this is signed, as a chip would. */
    private static final int MAX_CHALLENGE_BYTES = 64;

    @Override
    public String openApiFragment() {
        return "openapi/test_helpers.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post("/v1/test_helpers/mock_passports", guard.secured((ctx, caller) -> {
            testOnly(caller, "Creating mock passports");
            ctx.status(201).json(mockPassports.create(caller.accountId(), bodies.read(ctx, MockPassportInput.class)));
        }));
        routes.get("/v1/test_helpers/mock_passports", guard.secured(Pagination.QUERY, (ctx, caller) -> {
            testOnly(caller, "Mock passports");
            ctx.json(Pagination.page(Pagination.request(ctx), id -> mockPassports.exists(caller.accountId(), id),
                    page -> mockPassports.list(caller.accountId(), page.startingAfter(), page.fetchLimit())));
        }));
        routes.get("/v1/test_helpers/mock_passports/{id}", guard.secured((ctx, caller) -> {
            testOnly(caller, "Mock passports");
            ctx.json(mockPassports.get(caller.accountId(), ctx.pathParam("id")));
        }));
        routes.post("/v1/test_helpers/mock_passports/{id}/sign_challenge", guard.secured((ctx, caller) -> {
            testOnly(caller, "Signing challenges with a mock chip");
            byte[] challenge = challenge(bodies.read(ctx, SignChallengeInput.class));
            byte[] signature = mockPassports.signChallenge(caller.accountId(), ctx.pathParam("id"), challenge);
            ctx.json(Map.of("object", "chip_signature",
                    "activeAuthSignature", Base64.getEncoder().encodeToString(signature)));
        }));
        routes.post("/v1/test_helpers/sessions/{id}/complete", guard.secured(sessions, (ctx, caller, sessions) -> {
            testOnly(caller, "Completing sessions with a mock passport");
            CompleteInput input = bodies.read(ctx, CompleteInput.class);
            if (input.mockPassportId() == null) {
                throw ApiException.validation("mockPassportId", "is required: the id of a mock passport");
            }
            ctx.json(complete(sessions, caller.accountId(), ctx.pathParam("id"), input.mockPassportId()));
        }));
        routes.post("/v1/test_helpers/sessions/{id}/expire", guard.secured(sessions, (ctx, caller, sessions) -> {
            testOnly(caller, "Expiring sessions on demand");
            ctx.json(sessions.expireNow(caller.accountId(), ctx.pathParam("id")));
        }));
    }

    private Session complete(SessionService sessions, String accountId, String sessionId, String mockPassportId) {
        Session session = sessions.get(accountId, sessionId);
        holder.complete(accountId, session.id(), secrets.secretFor(Environment.TEST, session.id()), mockPassportId);
        return sessions.get(accountId, sessionId);
    }

    private static byte[] challenge(SignChallengeInput input) {
        if (input.challenge() == null || input.challenge().isBlank()) {
            throw ApiException.validation("challenge", "is required: the base64 challenge from "
                    + "GET /v1/sessions/{id}/challenge");
        }
        byte[] challenge;
        try {
            challenge = Base64.getDecoder().decode(input.challenge().strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("challenge", "must be base64, as GET /v1/sessions/{id}/challenge returns it");
        }
        if (challenge.length == 0 || challenge.length > MAX_CHALLENGE_BYTES) {
            throw ApiException.validation("challenge", "must be 1 to " + MAX_CHALLENGE_BYTES + " bytes");
        }
        return challenge;
    }

    private static void testOnly(Caller caller, String what) {
        if (caller.environment() != Environment.TEST) {
            throw ApiException.testModeOnly(what);
        }
    }
}
