package dev.proofdesk.server.http;

import dev.proofdesk.server.error.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns failures into the error envelope; nothing else writes error JSON. A
 * request for a page (see {@link ErrorPages}) gets the same refusal as an HTML page instead.
 */
final class ErrorHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    static void install(RoutesConfig routes, long maxBodyBytes, List<ErrorPages> pages) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e, pages));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, translate(ctx, e, maxBodyBytes), pages));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed [{}]", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            respond(ctx, new ApiException(500, "internal_error", "Something went wrong on our side. Quote request id "
                    + RequestIds.of(ctx) + " if you contact support."), pages);
        });
        routes.error(404, ctx -> {
            if (ctx.endpoint() == null || ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, noEndpoint(ctx), pages);
            }
        });
        routes.error(405, ctx -> respond(ctx, methodNotAllowed(ctx), pages));
    }

    private static void respond(Context ctx, ApiException e, List<ErrorPages> pages) {
        pages.stream().filter(p -> p.serves(ctx)).findFirst()
                .ifPresentOrElse(page -> page.render(ctx, e), () -> render(ctx, e));
    }

    private static ApiException translate(Context ctx, HttpResponseException e, long maxBodyBytes) {
        return switch (e.getStatus()) {
            case 413 -> ApiException.payloadTooLarge(maxBodyBytes);
            case 404 -> noEndpoint(ctx);
            case 405 -> methodNotAllowed(ctx);
            case 400 -> new ApiException(400, "validation_failed", e.getMessage());
            default -> new ApiException(e.getStatus(), e.getStatus() >= 500 ? "internal_error" : "bad_request",
                    e.getStatus() >= 500 ? "Something went wrong on our side." : e.getMessage());
        };
    }

    private static ApiException noEndpoint(Context ctx) {
        return new ApiException(404, "not_found", "No endpoint " + ctx.method() + " " + ctx.path()
                + ". See /v1/openapi.json for the API.", Map.of("method", ctx.method().name(), "path", ctx.path()),
                Map.of());
    }

    private static ApiException methodNotAllowed(Context ctx) {
        return new ApiException(405, "method_not_allowed", "Method " + ctx.method() + " is not allowed on "
                + ctx.path() + ".", Map.of("method", ctx.method().name(), "path", ctx.path()), Map.of());
    }

    /** Every error has the same four fields; {@code details} is an empty object when there is nothing more. */
    static void render(Context ctx, ApiException e) {
        readUnreadBody(ctx, e);
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).json(envelope(ctx, e));
    }

    /**
     * A request refused before its body was read (a 415, a bad key, an unknown query parameter) would
     * leave the body unread, and the server might then drop the connection after the answer without
     * saying so, racing a client that sends its next request on it. Reading the body first (it is
     * within the size limit, or the refusal is the 413) keeps the connection good.
     */
    private static void readUnreadBody(Context ctx, ApiException e) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody || e.status() == 413 || e.status() >= 500) {
            return;
        }
        try {
            ctx.bodyAsBytes();
        } catch (RuntimeException unreadable) {
            // too large or cut off: the connection is closed either way
        }
    }

    /**
     * Answers a refused WebSocket upgrade with the error envelope at once: Javalin maps the exception
     * but never writes the body of an upgrade request, so a client would see only the status.
     */
    static void renderRefusedUpgrade(Context ctx, ApiException e) throws java.io.IOException {
        byte[] body = ctx.jsonMapper().toJsonString(envelope(ctx, e), Map.class)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var response = ctx.res();
        response.setStatus(e.status());
        response.setContentType("application/json");
        e.headers().forEach(response::setHeader);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static Map<String, Object> envelope(Context ctx, ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("details", e.details());
        error.put("requestId", RequestIds.of(ctx));
        return Map.of("error", error);
    }
}
