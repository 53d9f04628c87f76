package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.user.DashboardUser;
import dev.proofdesk.server.dashboard.user.SignIns;
import dev.proofdesk.server.dashboard.view.Chrome;
import dev.proofdesk.server.environment.Environments;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.error.NotFoundException;
import dev.proofdesk.server.http.NotFoundTranslator;
import dev.proofdesk.server.http.Text;
import dev.proofdesk.server.store.Environment;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's request plumbing: sign-in check, environment from the URL, CSRF check on every
 * POST, security headers, rendering inside the page chrome, and refusals as pages rather than JSON.
 */
final class Web {
    /** A top-level dashboard section; {@code onlyIn} is null when it exists in both environments. */
    record Section(String path, String label, Environment onlyIn) {
    }

    @FunctionalInterface
    interface PageHandler {
        void handle(Context ctx, Visit visit) throws Exception;
    }

    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final SignIns signIns;
    private final Environments environments;
    private final NotFoundTranslator notFound;
    private final Templates templates;
    private final Cookies cookies;
    private final List<Section> sections;

    Web(SignIns signIns, Environments environments, NotFoundTranslator notFound, Templates templates, Cookies cookies,
        List<Section> sections) {
        this.signIns = signIns;
        this.environments = environments;
        this.notFound = notFound;
        this.templates = templates;
        this.cookies = cookies;
        this.sections = List.copyOf(sections);
    }

    Templates templates() {
        return templates;
    }

    Cookies cookies() {
        return cookies;
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
    }

    /** A page under {@code /dashboard/{env}/…}: signed in, environment from the path, CSRF-checked if a POST. */
    Handler page(PageHandler handler) {
        return ctx -> {
            securityHeaders(ctx);
            String token = cookies.session(ctx);
            Optional<DashboardUser> user = signIns.resolve(token);
            if (user.isEmpty()) {
                String next = ctx.method() == HandlerType.GET ? ctx.path() : "/dashboard";
                ctx.redirect("/dashboard/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                        HttpStatus.SEE_OTHER);
                return;
            }
            Environment env = Environment.parse(ctx.pathParam("env")).orElse(null);
            String section = section(ctx.path());
            Visit visit = new Visit(user.get(), env == null ? Environment.TEST : env,
                    environments.of(env == null ? Environment.TEST : env), signIns.csrfToken(token), section);
            try {
                if (env == null) {
                    throw ApiException.notFound(Resource.ENVIRONMENT, ctx.pathParam("env"));
                }
                if (ctx.method() == HandlerType.POST && !csrfValid(ctx, token)) {
                    throw new ApiException(403, "csrf_failed", "This form is out of date or did not come from "
                            + "the dashboard. Reload the page and try again.");
                }
                if (ctx.method() == HandlerType.POST) {
                    requireStorableText(ctx);
                }
                handler.handle(ctx, visit);
            } catch (NotFoundException e) {
                error(ctx, visit, env == null ? e : notFound.translate(env, visit.accountId(), e));
            } catch (ApiException e) {
                error(ctx, visit, e);
            }
        };
    }

    /** A form field no store can keep (a NUL character, a broken surrogate) is a 400 naming the field. */
    static void requireStorableText(Context ctx) {
        ctx.formParamMap().forEach((field, values) -> values.forEach(value ->
                Text.problem(value).ifPresent(problem -> {
                    throw ApiException.validation(field, problem);
                })));
    }

    private boolean csrfValid(Context ctx, String sessionToken) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null) {
            presented = ctx.formParam(CSRF_FIELD);
        }
        return signIns.csrfMatches(sessionToken, presented);
    }

    private static String section(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? parts[3] : "";
    }

    /** Renders a page inside the chrome; {@code params} are the template's own parameters. */
    void render(Context ctx, Visit visit, int status, String title, String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("chrome", chrome(ctx, visit, title));
        templates.render(ctx, status, template, all);
    }

    void render(Context ctx, Visit visit, String title, String template, Map<String, Object> params) {
        render(ctx, visit, 200, title, template, params);
    }

    /** After a successful POST: a one-time message, then a GET of the resulting page. */
    void redirect(Context ctx, String location, String message) {
        if (message != null) {
            cookies.flash(ctx, message);
        }
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    private Chrome chrome(Context ctx, Visit visit, String title) {
        var nav = sections.stream()
                .filter(s -> s.onlyIn() == null || s.onlyIn() == visit.env())
                .map(s -> new Chrome.NavItem(s.label(), visit.base() + (s.path().isEmpty() ? "" : "/" + s.path()),
                        s.path().equals(visit.section())))
                .toList();
        // Switching lands on the same section's index in the other environment: never an object or a form.
        Environment other = visit.env().other();
        String switchTo = sections.stream()
                .filter(s -> s.path().equals(visit.section()) && (s.onlyIn() == null || s.onlyIn() == other))
                .findFirst().map(Section::path).orElse("");
        var role = visit.user().role();
        return new Chrome(title, visit.env().id(), visit.user().email(), role.id(), visit.csrf(),
                cookies.takeFlash(ctx), nav, "/dashboard/" + other.id() + (switchTo.isEmpty() ? "" : "/" + switchTo),
                role.managesKeys(), role.managesUsers());
    }

    void error(Context ctx, Visit visit, ApiException e) {
        e.headers().forEach(ctx::header);
        render(ctx, visit, e.status(), title(e.status()), "error.jte", Map.of("message", e.getMessage(),
                "back", visit.base() + (visit.section().isEmpty() ? "" : "/" + visit.section())));
    }

    /** The heading of an error page. */
    static String title(int status) {
        return switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Cannot do that now";
            case 429 -> "Slow down";
            default -> status >= 500 ? "Something went wrong" : "Cannot do that";
        };
    }
}
