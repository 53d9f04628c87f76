package dev.proofdesk.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.error.ApiException;
import io.javalin.Javalin;
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
            config.jsonMapper(new JavalinJackson(json, true));
            config.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                RequestIds.assign(ctx);
                ctx.header("Cache-Control", "no-store");
                if (ctx.contentLength() > maxBodyBytes) {
                    throw ApiException.payloadTooLarge(maxBodyBytes);
                }
            });
            ErrorHandling.install(config.routes, maxBodyBytes);
            for (RouteModule module : modules) {
                module.register(config.routes, guard);
            }
            config.routes.after("/v1/*", idempotency::after);
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
