package dev.proofdesk.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.error.ApiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Assembles the Javalin server: plumbing first, then every feature's routes. */
public final class ApiServer {
    private static final String STARTED = "proofdesk.started";

    private ApiServer() {
    }

    /** A redirect has nothing to read: no body, and so no claim that the body is JSON (the default type). */
    private static void bodilessRedirect(Context ctx) {
        int status = ctx.statusCode();
        if (status >= 300 && status < 400) {
            ctx.result("");
            ctx.res().setContentType(null);
        }
    }

    public static Javalin create(String host, long maxBodyBytes, ObjectMapper json, Guard guard,
                                 Idempotency idempotency, PrometheusMeterRegistry metrics,
                                 List<RouteModule> modules) {
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(json)));
            config.http.maxRequestSize = maxBodyBytes;
            config.http.defaultContentType = "application/json";
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            // Javalin opens a servlet session for every WebSocket upgrade (the chip relay), which Jetty would
            // keep forever; nothing here uses servlet sessions, so they lapse after a minute.
            config.jetty.modifyServletContextHandler(handler ->
                    handler.getSessionHandler().setMaxInactiveInterval(60));
            config.jsonMapper(new JavalinJackson(json, true));
            config.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                RequestIds.assign(ctx);
                ctx.header("Cache-Control", "no-store");
                if (ctx.contentLength() > maxBodyBytes) {
                    throw ApiException.payloadTooLarge(maxBodyBytes);
                }
            });
            // A WebSocket upgrade that is refused answers with the error envelope, request id included.
            config.routes.wsBeforeUpgrade(RequestIds::assign);
            ErrorHandling.install(config.routes, maxBodyBytes,
                    modules.stream().flatMap(module -> module.errorPages().stream()).toList());
            for (RouteModule module : modules) {
                module.register(config.routes, guard);
            }
            config.routes.after("/v1/*", idempotency::after);
            config.routes.after(ApiServer::bodilessRedirect);
            config.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                if (started != null) {
                    var matched = ctx.endpoints().matchedHttpEndpoint();
                    String route = matched != null ? matched.path : "unmatched";
                    Timer.builder("http_server_requests")
                            .tag("method", ctx.method().name())
                            .tag("route", route)
                            .tag("status", Integer.toString(ctx.statusCode()))
                            .register(metrics)
                            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
            });
        });
    }
}
