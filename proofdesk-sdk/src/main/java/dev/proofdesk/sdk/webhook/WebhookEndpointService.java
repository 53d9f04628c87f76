package dev.proofdesk.sdk.webhook;

import dev.proofdesk.sdk.ListParams;
import dev.proofdesk.sdk.Page;
import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.net.ApiRequestor;

import java.time.Duration;
import java.util.Map;

import static dev.proofdesk.sdk.net.ApiRequestor.segment;

/** {@code /v1/webhook_endpoints}: the endpoints of the key's environment. */
public final class WebhookEndpointService {
    private static final String BASE = "/v1/webhook_endpoints";
    private final ApiRequestor api;

    public WebhookEndpointService(ApiRequestor api) {
        this.api = api;
    }

    /** Creates an endpoint; the returned {@link WebhookEndpoint#secret()} is shown only this once. */
    public WebhookEndpoint create(WebhookEndpointParams params) {
        return api.post(BASE, Map.of(), params, WebhookEndpoint.class, RequestOptions.NONE);
    }

    public WebhookEndpoint retrieve(String id) {
        return api.get(BASE + "/" + segment(id), Map.of(), WebhookEndpoint.class, RequestOptions.NONE);
    }

    public Page<WebhookEndpoint> list(ListParams params) {
        return api.list(BASE, params.toQuery(), WebhookEndpoint.class, WebhookEndpoint::id, RequestOptions.NONE);
    }

    public WebhookEndpoint update(String id, WebhookEndpointParams params) {
        return api.post(BASE + "/" + segment(id), Map.of(), params, WebhookEndpoint.class, RequestOptions.NONE);
    }

    public void delete(String id) {
        api.delete(BASE + "/" + segment(id), Map.class, RequestOptions.NONE);
    }

    public WebhookEndpoint enable(String id) {
        return api.post(BASE + "/" + segment(id) + "/enable", Map.of(), null, WebhookEndpoint.class,
                RequestOptions.NONE);
    }

    public WebhookEndpoint disable(String id) {
        return api.post(BASE + "/" + segment(id) + "/disable", Map.of(), null, WebhookEndpoint.class,
                RequestOptions.NONE);
    }

    /** A new secret (in the result); the old one keeps signing alongside it for {@code overlap}. */
    public WebhookEndpoint rotateSecret(String id, Duration overlap) {
        return api.post(BASE + "/" + segment(id) + "/rotate_secret", Map.of(),
                Map.of("overlapSeconds", overlap.toSeconds()), WebhookEndpoint.class, RequestOptions.NONE);
    }

    /** Sends a {@code webhook_endpoint.test} event to this endpoint. */
    public Event sendTestEvent(String id) {
        return api.post(BASE + "/" + segment(id) + "/test", Map.of(), null, Event.class, RequestOptions.NONE);
    }

    public Page<WebhookDelivery> deliveries(String id, ListParams params) {
        return api.list(BASE + "/" + segment(id) + "/deliveries", params.toQuery(), WebhookDelivery.class,
                WebhookDelivery::id, RequestOptions.NONE);
    }
}
