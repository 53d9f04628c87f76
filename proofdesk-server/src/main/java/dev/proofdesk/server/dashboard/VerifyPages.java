package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.view.FormState;
import dev.proofdesk.server.dashboard.view.HostedView;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.flow.FlowDefinition;
import dev.proofdesk.server.http.HolderLimits;
import dev.proofdesk.server.http.PerEnvironment;
import dev.proofdesk.server.session.ClientSecrets;
import dev.proofdesk.server.session.HolderSessions;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.session.SessionResult;
import dev.proofdesk.server.session.SessionStatus;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.testhelper.MockHolder;
import dev.proofdesk.server.testhelper.MockPassport;
import dev.proofdesk.server.testhelper.MockPassportInput;
import dev.proofdesk.server.testhelper.MockPassportService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The hosted verification page, {@code /verify/{id}?token={clientSecret}}: the client secret is the
 * credential (and, in the completion form, the unguessable token that makes a forged POST impossible).
 * Test sessions complete with a mock passport through the real verifier; live sessions show a QR code
 * and deep link for a chip-reading app, and their status.
 */
final class VerifyPages {
    private static final int PASSPORTS_SHOWN = 20;
    private final PerEnvironment<HolderSessions> holders;
    private final MockPassportService mockPassports;
    private final MockHolder mockHolder;
    private final Templates templates;
    private final Supplier<String> baseUrl;
    private final HolderLimits limits;

    VerifyPages(PerEnvironment<HolderSessions> holders, MockPassportService mockPassports, MockHolder mockHolder,
                Templates templates, Supplier<String> baseUrl, HolderLimits limits) {
        this.holders = holders;
        this.mockPassports = mockPassports;
        this.mockHolder = mockHolder;
        this.templates = templates;
        this.baseUrl = baseUrl;
        this.limits = limits;
    }

    void show(Context ctx) {
        handle(ctx, () -> {
            String token = ctx.queryParam("token");
            HolderSessions.Opened opened = open(ctx.pathParam("id"), token);
            if (!redirectIfDone(ctx, opened.session())) {
                render(ctx, 200, opened, token, FormState.empty());
            }
        });
    }

    /** The status block alone, polled by htmx; a finished session sends the browser on. */
    void status(Context ctx) {
        handle(ctx, () -> {
            String token = ctx.queryParam("token");
            HolderSessions.Opened opened = open(ctx.pathParam("id"), token);
            Session s = opened.session();
            if (s.status().terminal()) {
                String next = s.redirectUrl();
                ctx.header(next != null ? "HX-Redirect" : "HX-Refresh", next != null ? next : "true");
            }
            templates.render(ctx, 200, "verify/status.jte", Map.of("status", s.status().id(),
                    "statusUrl", "/verify/" + s.id() + "/status?token=" + token));
        });
    }

    /** Test mode: complete the session with a chosen mock passport, or one created from the form. */
    void completeWithMock(Context ctx) {
        handle(ctx, () -> {
            Web.requireStorableText(ctx);
            String token = ctx.formParam("token");
            if (ClientSecrets.environmentOf(token).orElse(null) != Environment.TEST) {
                throw ApiException.testModeOnly("Completing a session with a mock passport");
            }
            HolderSessions.Opened opened = open(ctx.pathParam("id"), token);
            String passportId = ctx.formParam("mockPassportId");
            FormState form = FormState.of(submitted(ctx));
            if ("create".equals(ctx.formParam("action"))) {
                try {
                    passportId = mockPassports.create(opened.accountId(), mockInput(form)).id();
                } catch (ApiException e) {
                    if (e.status() != 400) {
                        throw e;
                    }
                    render(ctx, 400, opened, token, form.withIssues(FlowForm.issues(e)));
                    return;
                }
            }
            if (passportId == null || passportId.isBlank()) {
                render(ctx, 400, opened, token, form.withIssues(List.of(Map.entry("mockPassportId",
                        "choose a mock passport, or create one below"))));
                return;
            }
            Session done = mockHolder.complete(opened.accountId(), opened.session().id(), token, passportId);
            if (!redirectIfDone(ctx, done)) {
                ctx.redirect("/verify/" + done.id() + "?token=" + token, HttpStatus.SEE_OTHER);
            }
        });
    }

    private static Map<String, String> submitted(Context ctx) {
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.getFirst()));
        return values;
    }

    private static MockPassportInput mockInput(FormState form) {
        Integer age = null;
        if (!form.value("age").isBlank()) {
            try {
                age = Integer.parseInt(form.value("age").strip());
            } catch (NumberFormatException e) {
                throw ApiException.validation("age", "must be a whole number of years");
            }
        }
        return new MockPassportInput(blankToNull(form.value("nationality").toUpperCase()), age, null,
                blankToNull(form.value("ofac")), blankToNull(form.value("fullName")), null, null,
                null, null, null, blankToNull(form.value("defect")), blankToNull(form.value("chipAuthentication")),
                blankToNull(form.value("accessControl")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private HolderSessions.Opened open(String id, String token) {
        Environment env = ClientSecrets.environmentOf(token).orElseThrow(() -> ApiException.unauthenticated(
                "This verification link is incomplete. Open the link you were given again, in full."));
        return holders.of(env).open(id, token);
    }

    /** A finished session goes to the flow's success or failure URL, when it has one. */
    private boolean redirectIfDone(Context ctx, Session s) {
        String next = s.status().terminal() ? s.redirectUrl() : null;
        if (next != null) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return true;
        }
        return false;
    }

    private void render(Context ctx, int status, HolderSessions.Opened opened, String token, FormState form) {
        Session s = opened.session();
        FlowDefinition def = opened.definition();
        String deepLink = null;
        String tapCommand = null;
        HostedView.Qr qr = null;
        if (s.livemode() && s.status() == SessionStatus.PENDING) {
            // The phone app or a desk reader relays the chip to this session's relay; the server reads it.
            String base = baseUrl.get();
            String relay = base.replaceFirst("^http", "ws") + "/v1/sessions/" + s.id() + "/chip";
            deepLink = "proofdesk://chip?relay=" + enc(relay) + "&secret=" + enc(token);
            qr = QrSvg.of(deepLink);
            tapCommand = "proofdesk tap --session-url '" + base + "/verify/" + s.id() + "?token=" + token
                    + "' --mrz '<the two lines at the bottom of the photo page>'";
        }
        var passports = !s.livemode() && s.status() == SessionStatus.PENDING
                ? mockPassports.list(opened.accountId(), null, PASSPORTS_SHOWN) : List.<MockPassport>of();
        HostedView view = new HostedView(s.id(), token, s.livemode(), s.status().id(), def.name(), disclosed(def),
                rules(def), s.result() == null ? SessionResult.NONE : s.result(), passports, deepLink, tapCommand, qr,
                s.redirectUrl(), form);
        templates.render(ctx, status, "verify/page.jte", Map.of("view", view));
    }

    private static List<String> disclosed(FlowDefinition def) {
        List<String> out = new ArrayList<>();
        boolean[] shown = FlowForm.shown(def.disclosures());
        String[] labels = {"Nationality", "Date of birth", "Full name", "Document number", "Gender",
                "Document expiry date", "Issuing state"};
        for (int i = 0; i < shown.length; i++) {
            if (shown[i]) {
                out.add(labels[i]);
            }
        }
        return out;
    }

    private static List<String> rules(FlowDefinition def) {
        List<String> out = new ArrayList<>();
        var r = def.rules();
        if (r.minimumAge() != null && r.minimumAge() > 0) {
            out.add("You are at least " + r.minimumAge() + " years old");
        }
        if (!r.includedCountries().isEmpty()) {
            out.add("Your nationality is one of " + String.join(", ", r.includedCountries()));
        }
        if (!r.excludedCountries().isEmpty()) {
            out.add("Your nationality is not " + String.join(", ", r.excludedCountries()));
        }
        if (r.ofac()) {
            out.add("You are not on a sanctions list");
        }
        if (r.rejectExpiredDocuments()) {
            out.add("Your document has not expired");
        }
        if (r.requireChipAuthentication()) {
            out.add("Your document's chip proves it is genuine");
        }
        return out;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private interface Work {
        void run();
    }

    /** Refusals (a wrong link, a finished session) become a page a person can read, never JSON. */
    private void handle(Context ctx, Work work) {
        Web.securityHeaders(ctx);
        try {
            limits.acquire(ctx);
            work.run();
        } catch (ApiException e) {
            e.headers().forEach(ctx::header);
            templates.render(ctx, e.status(), "verify/problem.jte", Map.of("message", problem(e)));
        }
    }

    /** A refusal as the person holding the link can act on it. */
    static String problem(ApiException e) {
        return switch (e.status()) {
            case 401 -> "This verification link is not valid. Open the link you were given again, in full.";
            case 404 -> "There is no such verification.";
            case 429 -> "Too many requests for this verification just now. Wait "
                    + e.headers().getOrDefault("Retry-After", "a few") + " seconds, then reload the page.";
            default -> e.getMessage();
        };
    }
}
