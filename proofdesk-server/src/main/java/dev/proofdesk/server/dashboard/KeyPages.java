package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.apikey.ApiKey;
import dev.proofdesk.server.apikey.ApiKeyService;
import dev.proofdesk.server.apikey.KeyKind;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API keys of the environment in the URL. Everyone sees them (never the keys themselves); only
 * owners and admins create, roll and revoke. A new key is shown once, on the page that created it.
 */
final class KeyPages {
    /** The grace periods offered when rolling, as the CLI spells them. */
    static final Map<String, Duration> GRACE = grace();
    private final Web web;
    private final ApiKeyService keys;
    private final Clock clock;

    KeyPages(Web web, ApiKeyService keys, Clock clock) {
        this.web = web;
        this.keys = keys;
        this.clock = clock;
    }

    private static Map<String, Duration> grace() {
        Map<String, Duration> options = new LinkedHashMap<>();
        options.put("0", Duration.ZERO);
        options.put("1h", Duration.ofHours(1));
        options.put("24h", Duration.ofHours(24));
        options.put("7d", Duration.ofDays(7));
        return options;
    }

    void list(Context ctx, Visit v) {
        web.render(ctx, v, "API keys", "keys/list.jte", Map.of("keys", keys.list(v.accountId(), v.env()),
                "now", clock.instant(), "graceOptions", List.copyOf(GRACE.keySet())));
    }

    void create(Context ctx, Visit v) {
        v.requireKeyManager("create API keys");
        KeyKind kind = switch (String.valueOf(ctx.formParam("type"))) {
            case "secret" -> KeyKind.SECRET;
            case "publishable" -> KeyKind.PUBLISHABLE;
            default -> throw ApiException.validation("type", "must be secret or publishable");
        };
        revealed(ctx, v, keys.create(v.accountId(), v.env(), kind, v.actor()), "Created a new key.");
    }

    void roll(Context ctx, Visit v) {
        v.requireKeyManager("roll API keys");
        ApiKey key = ownKey(v, ctx.pathParam("id"));
        Duration grace = GRACE.get(String.valueOf(ctx.formParam("grace")));
        if (grace == null) {
            throw ApiException.validation("grace", "choose one of " + GRACE.keySet());
        }
        ApiKeyService.Created created = keys.roll(v.accountId(), key.id(), grace, v.actor());
        revealed(ctx, v, created, "Rolled " + key.redacted() + ": it keeps working for "
                + (grace.isZero() ? "no time at all (it stopped now)" : ctx.formParam("grace")) + ".");
    }

    void revokeForm(Context ctx, Visit v) {
        v.requireKeyManager("revoke API keys");
        web.render(ctx, v, "Revoke key", "keys/revoke.jte", Map.of("key", ownKey(v, ctx.pathParam("id"))));
    }

    void revoke(Context ctx, Visit v) {
        v.requireKeyManager("revoke API keys");
        ApiKey key = keys.revoke(v.accountId(), ownKey(v, ctx.pathParam("id")).id(), v.actor());
        web.redirect(ctx, v.base() + "/keys", "Revoked " + key.redacted() + ". Requests with it now fail.");
    }

    /** A key of this account in this environment: a test page can never act on a live key. */
    private ApiKey ownKey(Visit v, String id) {
        return keys.list(v.accountId(), v.env()).stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound(Resource.API_KEY, id));
    }

    private void revealed(Context ctx, Visit v, ApiKeyService.Created created, String message) {
        web.render(ctx, v, "Your new key", "keys/revealed.jte", Map.of("key", created.key(),
                "secret", created.secret(), "message", message));
    }
}
