package dev.proofdesk.server.dashboard;

import io.javalin.http.Context;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The dashboard's cookies: HTTP-only, SameSite=Lax, and Secure (with the {@code __Host-} prefix) whenever
 * the dashboard is served over HTTPS or its public URL is HTTPS.
 */
final class Cookies {
    private static final String SESSION = "proofdesk_session";
    private static final String FLASH = "proofdesk_flash";
    private static final String SIGN_IN = "proofdesk_sign_in";
    private final boolean publicUrlIsHttps;

    Cookies(boolean publicUrlIsHttps) {
        this.publicUrlIsHttps = publicUrlIsHttps;
    }

    boolean secure(Context ctx) {
        return publicUrlIsHttps || "https".equalsIgnoreCase(ctx.scheme());
    }

    private String name(Context ctx, String base) {
        return secure(ctx) ? "__Host-" + base : base;
    }

    String session(Context ctx) {
        return ctx.cookie(name(ctx, SESSION));
    }

    void setSession(Context ctx, String token, Duration lifetime) {
        set(ctx, SESSION, token, lifetime.toSeconds());
    }

    void clearSession(Context ctx) {
        set(ctx, SESSION, "", 0);
    }

    /** The pre-sign-in synchroniser token (double-submit), so the sign-in form is CSRF-protected too. */
    String signInToken(Context ctx) {
        return ctx.cookie(name(ctx, SIGN_IN));
    }

    void setSignInToken(Context ctx, String token) {
        set(ctx, SIGN_IN, token, Duration.ofHours(1).toSeconds());
    }

    /** A one-time message for the next page ("Flow published."); escaped when shown like any other text. */
    void flash(Context ctx, String message) {
        set(ctx, FLASH, URLEncoder.encode(message, StandardCharsets.UTF_8), 60);
    }

    String takeFlash(Context ctx) {
        String value = ctx.cookie(name(ctx, FLASH));
        if (value == null || value.isEmpty()) {
            return null;
        }
        set(ctx, FLASH, "", 0);
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private void set(Context ctx, String base, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name(ctx, base) + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
    }
}
