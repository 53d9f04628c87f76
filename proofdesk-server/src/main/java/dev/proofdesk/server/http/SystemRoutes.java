package dev.proofdesk.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Crypto;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Health, readiness, metrics and the OpenAPI document; none of these needs a key. */
public final class SystemRoutes implements RouteModule {
    private final BooleanSupplier ready;
    private final BooleanSupplier stopping;
    private final PrometheusMeterRegistry metrics;
    private final Optional<String> metricsToken;
    private final String openApi;

    public SystemRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics, Optional<String> metricsToken,
                        ObjectMapper json, List<RouteModule> modules) {
        this(ready, () -> false, metrics, metricsToken, json, modules);
    }

    /** {@code stopping}: the node is shutting down, so {@code /readyz} sends the balancer elsewhere. */
    public SystemRoutes(BooleanSupplier ready, BooleanSupplier stopping, PrometheusMeterRegistry metrics,
                        Optional<String> metricsToken, ObjectMapper json, List<RouteModule> modules) {
        this.ready = ready;
        this.stopping = stopping;
        this.metrics = metrics;
        this.metricsToken = metricsToken;
        this.openApi = mergeOpenApi(json, modules);
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            if (stopping.getAsBoolean()) {
                ctx.status(503).json(Map.of("status", "shutting down"));
                return;
            }
            boolean ok = ready.getAsBoolean();
            ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ready" : "database unavailable"));
        });
        routes.get("/metrics", ctx -> {
            metricsToken.ifPresent(token -> requireBearer(ctx, token));
            ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape());
        });
        routes.get("/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    /** {@code PROOFDESK_METRICS_TOKEN}, compared in constant time; the scraper sends it as a bearer token. */
    private static void requireBearer(Context ctx, String token) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        if (presented == null || !Crypto.constantTimeEquals(token, presented)) {
            throw new ApiException(401, "unauthenticated", "The metrics need the operator's token: send "
                    + "'Authorization: Bearer <PROOFDESK_METRICS_TOKEN>'.", Map.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"metrics\""));
        }
    }

    /** The base document plus each module's paths and schemas. */
    static String mergeOpenApi(ObjectMapper json, List<RouteModule> modules) {
        try {
            ObjectNode doc = (ObjectNode) json.readTree(resource("openapi/base.json"));
            ObjectNode paths = doc.withObject("/paths");
            ObjectNode schemas = doc.withObject("/components").withObject("/schemas");
            for (RouteModule module : modules) {
                String fragment = module.openApiFragment();
                if (fragment == null) {
                    continue;
                }
                ObjectNode part = (ObjectNode) json.readTree(resource(fragment));
                if (part.has("paths")) {
                    paths.setAll((ObjectNode) part.get("paths"));
                }
                if (part.has("schemas")) {
                    schemas.setAll((ObjectNode) part.get("schemas"));
                }
            }
            paths.forEach(path -> path.forEach(operation -> {
                // Every JSON body is read by Bodies, which refuses any other Content-Type.
                if (operation.has("requestBody") && operation.path("responses") instanceof ObjectNode responses
                        && !responses.has("415")) {
                    responses.putObject("415").put("$ref", "#/components/responses/Error");
                }
            }));
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SystemRoutes.class.getClassLoader().getResourceAsStream(name)) {
            return Objects.requireNonNull(in, "missing resource " + name).readAllBytes();
        }
    }
}
