package dev.proofdesk.server.dashboard;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** The dashboard's stylesheet and htmx (from its Maven Central webjar), read once from the classpath. */
final class Assets {
    private record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> assets;

    Assets() {
        String htmx = "META-INF/resources/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";
        this.assets = Map.of(
                "dashboard.css", new Asset(read("dashboard/assets/dashboard.css"), "text/css; charset=utf-8"),
                "htmx.min.js", new Asset(read(htmx), "text/javascript; charset=utf-8"));
    }

    void serve(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("file"));
        if (asset == null) {
            ctx.status(404).contentType("text/plain").result("No such asset.");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static String webjarVersion(String artifact) {
        Properties props = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version");
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the dashboard asset " + path + " is missing from the classpath");
        }
        return in;
    }
}
