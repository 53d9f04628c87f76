package dev.proofdesk.server.verification;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.http.Bodies;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.RouteModule;
import dev.proofdesk.server.session.ClientSecrets;
import dev.proofdesk.server.session.HolderSessions;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.store.Environment;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The holder protocol, authorised by the session's client secret (no API key): the secret's
 * {@code cs_test_}/{@code cs_live_} tag picks the environment, as a key's tag does.
 */
public final class HolderRoutes implements RouteModule {
    private final Function<Environment, VerificationService> verification;
    private final Bodies bodies;

    public HolderRoutes(Function<Environment, VerificationService> verification, Bodies bodies) {
        this.verification = verification;
        this.bodies = bodies;
    }

    @Override
    public String openApiFragment() {
        return "openapi/holder.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/v1/sessions/{id}/challenge", guard.holder(ctx -> {
            String secret = secret(ctx);
            String challenge = service(secret).challenge(ctx.pathParam("id"), secret);
            ctx.json(Map.of("object", "challenge", "challenge", challenge,
                    "expiresInSeconds", HolderSessions.CHALLENGE_TTL.toSeconds()));
        }));
        routes.post("/v1/sessions/{id}/submission", guard.holder(ctx -> {
            String secret = secret(ctx);
            SubmissionInput input = bodies.read(ctx, SubmissionInput.class);
            ctx.json(holderView(service(secret).submit(ctx.pathParam("id"), secret, input)));
        }));
    }

    /** What the person verifying may see: their outcome and where to go next, not the integrator's metadata. */
    static Map<String, Object> holderView(Session s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("object", "session");
        view.put("status", s.status());
        view.put("livemode", s.livemode());
        view.put("result", s.result());
        view.put("redirectUrl", s.redirectUrl());
        return view;
    }

    private VerificationService service(String secret) {
        return verification.apply(ClientSecrets.environmentOf(secret).orElseThrow());
    }

    private static String secret(Context ctx) {
        String header = ctx.header("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (secret == null || ClientSecrets.environmentOf(secret).isEmpty()) {
            throw ApiException.unauthenticated("Send the session's client secret: 'Authorization: Bearer cs_test_…' "
                    + "(API keys are not accepted on holder endpoints).");
        }
        return secret;
    }
}
