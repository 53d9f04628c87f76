package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.view.FormState;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.event.EventType;
import dev.proofdesk.server.webhook.EndpointInput;
import dev.proofdesk.server.webhook.EndpointView;
import dev.proofdesk.server.webhook.EnvironmentWebhooks;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook endpoints of the environment in the URL: everyone sees them and their deliveries; owners
 * and admins create, rotate secrets, send test events, redeliver, enable and disable. A secret is
 * shown once, on the page that created or rotated it.
 */
final class WebhookPages {
    private static final int LIMIT = 100;
    private static final Map<String, Long> OVERLAP = Map.of("0", 0L, "1h", 3_600L, "24h", 86_400L, "7d", 604_800L);
    private final Web web;
    private final Audit audit;

    WebhookPages(Web web, Audit audit) {
        this.web = web;
        this.audit = audit;
    }

    private static EnvironmentWebhooks webhooks(Visit v) {
        return v.services().webhooks();
    }

    void list(Context ctx, Visit v) {
        list(ctx, v, 200, FormState.of(Map.of("url", v.env().livemode() ? "https://" : "http://localhost:")));
    }

    private void list(Context ctx, Visit v, int status, FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("endpoints", webhooks(v).endpoints().list(v.accountId(), null, LIMIT));
        params.put("form", form);
        params.put("eventTypes", EventType.ids());
        web.render(ctx, v, status, "Webhooks", "webhooks/list.jte", params);
    }

    void create(Context ctx, Visit v) {
        v.requireKeyManager("manage webhook endpoints");
        FormState form = FlowForm.submitted(ctx);
        List<String> events = ctx.formParams("enabledEvents");
        try {
            EndpointView created = webhooks(v).endpoints().create(v.accountId(), new EndpointInput(
                    form.value("url").strip(), MockPassportPages.text(form, "description"),
                    events.isEmpty() ? null : events));
            audit.record(v, "webhook_endpoint.created", created.id(), Map.of("url", created.url()));
            secret(ctx, v, created, "Created the endpoint.");
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            list(ctx, v, 400, form.withIssues(FlowForm.issues(e)));
        }
    }

    void show(Context ctx, Visit v) {
        EndpointView endpoint = webhooks(v).endpoints().get(v.accountId(), ctx.pathParam("id"));
        Map<String, Object> params = new HashMap<>();
        params.put("endpoint", endpoint);
        params.put("deliveries", webhooks(v).deliveries(v.accountId(), endpoint.id(), null, 50));
        web.render(ctx, v, "Webhook endpoint", "webhooks/show.jte", params);
    }

    void rotate(Context ctx, Visit v) {
        v.requireKeyManager("rotate webhook secrets");
        Long overlap = OVERLAP.get(String.valueOf(ctx.formParam("overlap")));
        if (overlap == null) {
            throw ApiException.validation("overlap", "choose one of " + OVERLAP.keySet());
        }
        EndpointView rotated = webhooks(v).endpoints().rotate(v.accountId(), ctx.pathParam("id"), overlap);
        audit.record(v, "webhook_endpoint.secret_rotated", rotated.id(), Map.of("overlapSeconds", overlap));
        secret(ctx, v, rotated, overlap == 0 ? "Rotated the secret: the old one stopped signing now."
                : "Rotated the secret: the old one keeps signing alongside for " + ctx.formParam("overlap") + ".");
    }

    void sendTest(Context ctx, Visit v) {
        v.requireKeyManager("send test events");
        String id = ctx.pathParam("id");
        webhooks(v).endpoints().sendTest(v.accountId(), id);
        web.redirect(ctx, v.base() + "/webhooks/" + id, "Sent a webhook_endpoint.test event; its delivery appears below.");
    }

    void setEnabled(Context ctx, Visit v) {
        v.requireKeyManager("manage webhook endpoints");
        boolean enable = "enable".equals(ctx.formParam("action"));
        EndpointView endpoint = webhooks(v).endpoints().setEnabled(v.accountId(), ctx.pathParam("id"), enable);
        audit.record(v, enable ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled", endpoint.id(), Map.of());
        web.redirect(ctx, v.base() + "/webhooks/" + endpoint.id(), enable ? "Enabled the endpoint." : "Disabled the endpoint.");
    }

    void redeliver(Context ctx, Visit v) {
        v.requireKeyManager("redeliver events");
        String endpointId = ctx.formParam("endpointId");
        webhooks(v).events().redeliver(v.accountId(), ctx.pathParam("id"), endpointId);
        audit.record(v, "webhook_event.redelivered", ctx.pathParam("id"), Map.of("endpoint", String.valueOf(endpointId)));
        web.redirect(ctx, endpointId != null ? v.base() + "/webhooks/" + endpointId : v.base() + "/events/"
                + ctx.pathParam("id"), "Queued the event again.");
    }

    private void secret(Context ctx, Visit v, EndpointView endpoint, String message) {
        web.render(ctx, v, "Webhook secret", "webhooks/secret.jte", Map.of("endpoint", endpoint, "message", message));
    }
}
