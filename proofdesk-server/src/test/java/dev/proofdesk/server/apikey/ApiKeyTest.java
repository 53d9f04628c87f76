package dev.proofdesk.server.apikey;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MutableClock;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyTest {

    @Test
    void keysCarryTheirEnvironmentAndAChecksumThatCatchesTypos() {
        String key = ApiKeyFormat.generate(KeyKind.SECRET, Environment.LIVE);
        assertThat(key).startsWith("sk_live_").hasSize("sk_live_".length() + 32 + 6);
        assertThat(ApiKeyFormat.parse(key)).contains(new ApiKeyFormat.Parsed(KeyKind.SECRET, Environment.LIVE));
        char[] chars = key.toCharArray();
        chars[10] = chars[10] == 'a' ? 'b' : 'a';
        assertThat(ApiKeyFormat.parse(new String(chars))).isEmpty();
        assertThat(ApiKeyFormat.parse("sk_prod_" + key.substring(8))).isEmpty();
        assertThat(ApiKeyFormat.parse(ApiKeyFormat.generate(KeyKind.PUBLISHABLE, Environment.TEST)))
                .contains(new ApiKeyFormat.Parsed(KeyKind.PUBLISHABLE, Environment.TEST));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void storesOnlyAHashAndTheLastFourCharacters(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        var stored = server.app().database().control().read(h -> h.createQuery(
                "SELECT * FROM api_keys WHERE account_id = :a").bind("a", account.id()).mapToMap().list());
        assertThat(stored).isNotEmpty();
        for (var row : stored) {
            assertThat(row.values().toString()).doesNotContain(account.testKey()).doesNotContain(account.liveKey());
            assertThat(row.get("key_hash").toString()).hasSize(64);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void atMostTwoActiveSecretKeysPerEnvironment(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        ApiKeyService keys = server.app().apiKeys();
        keys.create(account.id(), Environment.TEST, KeyKind.SECRET, "test");
        assertThatThrownBy(() -> keys.create(account.id(), Environment.TEST, KeyKind.SECRET, "test"))
                .isInstanceOf(ApiException.class).hasMessageContaining("Roll or revoke");
        // live has its own allowance
        keys.create(account.id(), Environment.LIVE, KeyKind.SECRET, "test");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void rolledKeysWorkThroughTheGracePeriodAndRevokedKeysStopAtOnce(Db db) {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(db, clock, Map.of())) {
            TestAccount account = server.newAccount();
            HttpApi http = server.http();
            ApiKeyService keys = server.app().apiKeys();
            String oldId = keys.list(account.id(), Environment.TEST).getFirst().id();

            String fresh = keys.roll(account.id(), oldId, Duration.ofHours(1), "test").secret();
            assertThat(http.get("/v1/flows", account.testKey()).status()).isEqualTo(200);
            assertThat(http.get("/v1/flows", fresh).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(61));
            HttpApi.Response expired = http.get("/v1/flows", account.testKey());
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.message()).contains("grace period is over");
            assertThat(http.get("/v1/flows", fresh).status()).isEqualTo(200);

            String freshId = keys.list(account.id(), Environment.TEST).stream()
                    .filter(k -> fresh.endsWith(k.last4())).findFirst().orElseThrow().id();
            keys.revoke(account.id(), freshId, "test");
            assertThat(http.get("/v1/flows", fresh).status()).isEqualTo(401);

            assertThatThrownBy(() -> keys.roll(account.id(), freshId, Duration.ofDays(8), "test"))
                    .isInstanceOf(ApiException.class).hasMessageContaining("7 days");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void publishableKeysCannotCallSecretEndpoints(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        String pk = server.app().apiKeys().create(account.id(), Environment.TEST, KeyKind.PUBLISHABLE, "test").secret();
        assertThat(pk).startsWith("pk_test_");
        HttpApi.Response r = server.http().get("/v1/flows", pk);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).contains("secret key");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void keyChangesAreAudited(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        var actions = server.app().database().control().read(h -> h.createQuery(
                "SELECT action FROM audit_log WHERE account_id = :a").bind("a", account.id()).mapTo(String.class).list());
        assertThat(actions).containsOnly("api_key.created").hasSize(2);
    }
}
