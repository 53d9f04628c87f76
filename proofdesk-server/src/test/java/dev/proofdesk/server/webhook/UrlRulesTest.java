package dev.proofdesk.server.webhook;

import dev.proofdesk.server.config.Cidr;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import dev.proofdesk.server.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side request forgery: endpoints reach only the public internet (and, in test, this
 * machine's loopback), whatever form the address takes, and only on the addresses that were checked.
 */
class UrlRulesTest {
    private static final Map<String, String> EMBEDDED_PRIVATE = Map.of(
            "[::10.0.0.1]", "carries the IPv4 address 10.0.0.1, which is a private address",
            "[::ffff:10.0.0.1]", "10.0.0.1 is a private address",
            "[2002:a00:1::]", "carries the IPv4 address 10.0.0.1, which is a private address",
            "[2001:0:a00:1::f5ff:fffe]", "carries the IPv4 address 10.0.0.1, which is a private address",
            "[2001:0:5db8:d822::f5ff:fffe]", "carries the IPv4 address 10.0.0.1, which is a private address",
            "[64:ff9b::a9fe:a9fe]", "carries the IPv4 address 169.254.169.254, which is a cloud metadata address",
            "[64:ff9b::c0a8:101]", "carries the IPv4 address 192.168.1.1, which is a private address",
            "[64:ff9b:1::a00:1]", "not a public address");

    @ParameterizedTest
    @EnumSource(Db.class)
    void liveRefusesPlainHttpAndNonPublicAddressesNamingTheReason(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        Map<String, String> refusals = Map.of(
                "http://hooks.example.com/h", "must use https",
                "https://localhost/h", "localhost resolves to 127.0.0.1, which is a loopback address",
                "https://127.0.0.1:8443/h", "127.0.0.1 is a loopback address",
                "https://10.20.30.40/h", "10.20.30.40 is a private address",
                "https://192.168.1.5/h", "private address",
                "https://[::1]/h", "loopback",
                "https://169.254.169.254/latest/meta-data", "cloud metadata",
                "https://[fd00::5]/h", "private address");
        refusals.forEach((url, reason) -> {
            HttpApi.Response refused = http.post("/v1/webhook_endpoints", account.liveKey(), Map.of("url", url));
            assertThat(refused.status()).as(url + " -> " + refused).isEqualTo(400);
            assertThat(refused.message()).as(url).startsWith("url: ").contains(reason);
        });
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void bothEnvironmentsRefuseIpv6FormsThatCarryARefusedIpv4Address(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        EMBEDDED_PRIVATE.forEach((host, reason) -> {
            for (String key : List.of(account.testKey(), account.liveKey())) {
                String url = (key.startsWith("sk_live_") ? "https://" : "http://") + host + "/h";
                HttpApi.Response refused = http.post("/v1/webhook_endpoints", key, Map.of("url", url));
                assertThat(refused.status()).as(url + " -> " + refused).isEqualTo(400);
                assertThat(refused.message()).as(url).startsWith("url: ").contains(reason);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void testEndpointsMayUseLoopbackButNoOtherNonPublicAddress(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        for (String url : List.of("http://localhost:3000/hooks", "http://127.0.0.1:3000/hooks",
                "http://[::1]:3000/hooks")) {
            HttpApi.Response created = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", url));
            assertThat(created.status()).as(url + " -> " + created).isEqualTo(201);
        }
        Map<String, String> refusals = Map.of(
                "http://10.20.30.40/h", "10.20.30.40 is a private address; test endpoints may use this machine",
                "http://192.168.1.5:8080/h", "private address",
                "http://172.16.0.1/h", "private address",
                "http://100.64.0.1/h", "not a public address",
                "http://169.254.10.1/h", "link-local address",
                "http://169.254.169.254/latest", "cloud metadata",
                "http://0.0.0.0:3000/h", "unspecified address",
                "http://[::]:3000/h", "unspecified address",
                "http://[fd00::5]/h", "private address",
                "http://[fe80::1]/h", "link-local address");
        refusals.forEach((url, reason) -> {
            HttpApi.Response refused = http.post("/v1/webhook_endpoints", account.testKey(), Map.of("url", url));
            assertThat(refused.status()).as(url + " -> " + refused).isEqualTo(400);
            assertThat(refused.message()).as(url).startsWith("url: ").contains(reason);
        });
    }

    @Test
    void publicAddressesInAnyFormPassAndOperatorRangesOpenBothEnvironments() {
        Map<String, String> dns = Map.of("hooks.example.com", "93.184.216.34", "internal.example.com", "10.1.2.3");
        HostResolver resolver = host -> {
            String ip = dns.get(host);
            return List.of(InetAddress.getByName(ip != null ? ip : host));
        };
        UrlPolicy strict = new UrlPolicy(List.of(), resolver);
        for (String url : List.of("https://hooks.example.com/h", "https://[64:ff9b::5db8:d822]/h",
                "https://[2002:5db8:d822::1]/h", "https://[2606:4700::1111]/h")) {
            assertThat(strict.refusal(Environment.LIVE, URI.create(url))).as(url).isEmpty();
            assertThat(strict.refusal(Environment.TEST, URI.create(url))).as(url).isEmpty();
        }
        URI internal = URI.create("https://internal.example.com/h");
        assertThat(strict.refusal(Environment.TEST, internal)).get().asString()
                .contains("internal.example.com resolves to 10.1.2.3, which is a private address");
        UrlPolicy allowing = new UrlPolicy(List.of(Cidr.parse("10.1.0.0/16")), resolver);
        assertThat(allowing.refusal(Environment.TEST, internal)).isEmpty();
        assertThat(allowing.refusal(Environment.LIVE, internal)).isEmpty();
        assertThat(allowing.refusal(Environment.TEST, URI.create("http://[2002:a01:203::]/h"))).isEmpty();
        assertThat(allowing.refusal(Environment.TEST, URI.create("http://10.2.0.1/h"))).isPresent();
    }

    @Test
    void deliveriesConnectOnlyToTheAddressesTheRulesChecked() throws Exception {
        Map<String, String> dns = new ConcurrentHashMap<>(Map.of(
                "receiver.proofdesk.invalid", "127.0.0.1", "rebound.proofdesk.invalid", "10.0.0.7"));
        List<String> lookups = new CopyOnWriteArrayList<>();
        HostResolver resolver = host -> {
            lookups.add(host);
            String ip = dns.get(host);
            if (ip == null) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(ip));
        };
        UrlPolicy policy = new UrlPolicy(List.of(), resolver);
        var client = WebhookHttp.client(Environment.TEST, policy, Optional.empty(), 4);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender sender = new Sender(() -> client, Duration.ofSeconds(15), Clock.systemUTC());
            int port = URI.create(receiver.url("/")).getPort();

            // The name exists only in the policy's resolver: the client reaches the receiver through it alone.
            Response sent = sender.post(URI.create("http://receiver.proofdesk.invalid:" + port + "/hooks"),
                    Map.of("webhook-id", "evt_1"), "{}");
            assertThat(sent.succeeded()).as(sent.toString()).isTrue();
            assertThat(receiver.received()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/hooks");
                assertThat(r.header("Host")).isEqualTo("receiver.proofdesk.invalid:" + port);
            });
            assertThat(lookups).containsExactly("receiver.proofdesk.invalid");

            // A name that now points inside the network is refused before any connection.
            Response refused = sender.post(URI.create("http://rebound.proofdesk.invalid:" + port + "/hooks"),
                    Map.of(), "{}");
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.statusCode()).isNull();
            assertThat(refused.error()).startsWith("refused before sending: ")
                    .contains("rebound.proofdesk.invalid resolves to 10.0.0.7, which is a private address");
            assertThat(receiver.received()).hasSize(1);
        } finally {
            client.stop();
        }
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedUnlessTheOperatorAllowsItsRange() {
        Map<String, String> dns = new HashMap<>(Map.of("hooks.example.com", "93.184.216.34"));
        HostResolver resolver = host -> {
            String ip = dns.get(host);
            if (ip == null) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(ip));
        };
        UrlPolicy strict = new UrlPolicy(List.of(), resolver);
        URI url = URI.create("https://hooks.example.com/proofdesk");
        assertThat(strict.refusal(Environment.LIVE, url)).isEmpty();

        dns.put("hooks.example.com", "10.0.0.7"); // re-pointed after the endpoint was saved
        assertThat(strict.refusal(Environment.LIVE, url)).get().asString()
                .contains("hooks.example.com resolves to 10.0.0.7").contains("private address");
        UrlPolicy allowing = new UrlPolicy(List.of(Cidr.parse("10.0.0.0/24")), resolver);
        assertThat(allowing.refusal(Environment.LIVE, url)).isEmpty();

        dns.put("hooks.example.com", "::ffff:127.0.0.1");
        assertThat(strict.refusal(Environment.LIVE, url)).get().asString().contains("loopback");
        assertThat(strict.refusal(Environment.LIVE, URI.create("https://nowhere.example/h"))).get().asString()
                .contains("does not resolve");
    }
}
