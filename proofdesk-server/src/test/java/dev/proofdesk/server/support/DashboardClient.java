package dev.proofdesk.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, over plain HTTP: keeps cookies by hand (so tests can inspect every
 * Set-Cookie), follows nothing, and reads the CSRF token out of the pages it gets.
 */
public final class DashboardClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String baseUrl;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public DashboardClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** A browser on another machine, as far as the server can tell: it connects from {@code from}, e.g. 127.0.0.2. */
    public DashboardClient(String baseUrl, InetAddress from) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (from != null) {
            builder.localAddress(from);
        }
        this.http = builder.build();
    }

    public record Page(int status, String body, HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse(null);
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The synchroniser token in this page's forms. */
        public String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF token on the page: " + body);
            }
            return m.group(1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A form POST; {@code fields} go as application/x-www-form-urlencoded, in order. */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the form, as a person would; returns the answer to the POST. */
    public Page signIn(String email, String password) {
        Page form = get("/dashboard/sign-in");
        return post("/dashboard/sign-in", Map.of("_csrf", form.csrf(), "email", email, "password", password,
                "next", "/dashboard/test"));
    }

    /** Signs in and fails the test unless it worked. */
    public DashboardClient signedIn(TestUser user) {
        Page page = signIn(user.email(), user.password());
        if (page.status() != 303 || !"/dashboard/test".equals(page.location())) {
            throw new AssertionError("sign-in failed: " + page);
        }
        return this;
    }

    /** A token from any signed-in page, for the forms of this sign-in. */
    public String csrf() {
        return get("/dashboard/test/flows").csrf();
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
