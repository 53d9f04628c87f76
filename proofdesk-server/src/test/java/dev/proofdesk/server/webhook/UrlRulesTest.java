package dev.proofdesk.server.webhook;

import dev.proofdesk.server.security.Cidr;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-side request forgery: live endpoints may only reach the public internet. */
class UrlRulesTest {

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
    void testEndpointsMayUseLocalhostButNeverMetadata(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        assertThat(http.post("/v1/webhook_endpoints", account.testKey(),
                Map.of("url", "http://localhost:3000/hooks")).status()).isEqualTo(201);
        assertThat(http.post("/v1/webhook_endpoints", account.testKey(),
                Map.of("url", "http://169.254.169.254/latest")).status()).isEqualTo(400);
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedUnlessTheOperatorAllowsItsRange() {
        Map<String, String> dns = new java.util.HashMap<>(Map.of("hooks.example.com", "93.184.216.34"));
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
