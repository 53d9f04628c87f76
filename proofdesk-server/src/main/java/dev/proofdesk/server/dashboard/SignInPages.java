package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.user.SignIns;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Crypto;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.Map;

/** Sign-in and sign-out. The sign-in form is CSRF-protected with a double-submit cookie. */
final class SignInPages {
    private final SignIns signIns;
    private final Web web;

    SignInPages(SignIns signIns, Web web) {
        this.signIns = signIns;
        this.web = web;
    }

    void root(Context ctx) {
        ctx.redirect("/dashboard/test", HttpStatus.SEE_OTHER);
    }

    void form(Context ctx) {
        Web.securityHeaders(ctx);
        if (signIns.resolve(web.cookies().session(ctx)).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, ctx.queryParam("next"), "", null);
    }

    void submit(Context ctx) {
        Web.securityHeaders(ctx);
        String email = ctx.formParam("email");
        String next = ctx.formParam("next");
        String cookieToken = web.cookies().signInToken(ctx);
        String formToken = ctx.formParam(Web.CSRF_FIELD);
        if (cookieToken == null || formToken == null || !Crypto.constantTimeEquals(cookieToken, formToken)) {
            show(ctx, 403, next, email, "The sign-in form expired. Please try again.");
            return;
        }
        try {
            Web.requireStorableText(ctx);
            SignIns.SignedIn signedIn = signIns.signIn(email, ctx.formParam("password"), ctx.ip());
            web.cookies().setSession(ctx, signedIn.token(), SignIns.LIFETIME);
            ctx.redirect(next(next), HttpStatus.SEE_OTHER);
        } catch (ApiException e) {
            e.headers().forEach(ctx::header);
            show(ctx, e.status(), next, email, e.getMessage());
        }
    }

    void signOut(Context ctx) {
        Web.securityHeaders(ctx);
        String token = web.cookies().session(ctx);
        if (token != null && signIns.csrfMatches(token, ctx.formParam(Web.CSRF_FIELD))) {
            signIns.signOut(token);
            web.cookies().clearSession(ctx);
        }
        ctx.redirect("/dashboard/sign-in", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, String next, String email, String error) {
        String token = Crypto.randomBase62(32);
        web.cookies().setSignInToken(ctx, token);
        Map<String, Object> params = new HashMap<>();
        params.put("token", token);
        params.put("next", next(next));
        params.put("email", email == null ? "" : email);
        params.put("error", error);
        web.templates().render(ctx, status, "signin.jte", params);
    }

    /** Only a dashboard path: never another site, so a crafted link cannot bounce a fresh sign-in elsewhere. */
    private static String next(String next) {
        return next != null && next.startsWith("/dashboard/") && !next.startsWith("//") && !next.contains("\\")
                && !next.startsWith("/dashboard/sign-") ? next : "/dashboard/test";
    }
}
