package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.http.ErrorPages;
import io.javalin.http.Context;

import java.util.Map;

/**
 * What no page caught (a page that does not exist, a body too large, a failure on our side) still
 * reaches a person as a page: the hosted page's problem page under {@code /verify/}, a plain error
 * page under {@code /dashboard}.
 */
final class PageErrors implements ErrorPages {
    private final Templates templates;

    PageErrors(Templates templates) {
        this.templates = templates;
    }

    @Override
    public boolean serves(Context ctx) {
        String path = ctx.path();
        return path.equals("/dashboard") || path.startsWith("/dashboard/") || path.startsWith("/verify/");
    }

    @Override
    public void render(Context ctx, ApiException e) {
        Web.securityHeaders(ctx);
        e.headers().forEach(ctx::header);
        if (ctx.path().startsWith("/verify/")) {
            templates.render(ctx, e.status(), "verify/problem.jte", Map.of("message", VerifyPages.problem(e)));
            return;
        }
        // A path no route matched says so plainly, without the API's pointer to its OpenAPI document.
        String message = e.status() == 404 && e.details().containsKey("path")
                ? "There is no page at " + ctx.path() + "." : e.getMessage();
        templates.render(ctx, e.status(), "problem.jte", Map.of("title", Web.title(e.status()),
                "message", message, "back", "/dashboard"));
    }
}
