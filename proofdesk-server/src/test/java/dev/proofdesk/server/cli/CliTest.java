package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.FirstStart;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.config.ServerConfig;
import dev.proofdesk.server.support.Cli.Run;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.MasterKeys;
import dev.proofdesk.server.support.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static dev.proofdesk.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @Test
    void keysCreatePrintsOnlyTheKeyAndTheKeyWorks(@TempDir Path dir) {
        String data = dir.toString();
        // a first server start creates the account; keys work without one running too
        ServerConfig config = new ConfigLoader(
                Map.of("PROOFDESK_RATE_LIMIT_TEST", "0")).load(0, dir, null);
        try (var app = Application.open(config, Clock.systemUTC())) {
            new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
            app.start();

            Run live = run("keys", "create", "--env", "live", "--data-dir", data);
            assertThat(live.exit()).as(live.err()).isZero();
            assertThat(live.out().strip()).matches("sk_live_[0-9A-Za-z]{38}");
            assertThat(live.out().lines().count()).isEqualTo(1);
            HttpApi http = new HttpApi(app.baseUrl());
            HttpApi.Response flows = http.get("/v1/flows", live.out().strip());
            assertThat(flows.status()).as("the CLI wrote to the store the running server reads").isEqualTo(200);

            Run list = run("keys", "list", "--env", "live", "--data-dir", data);
            assertThat(list.out()).contains("secret").doesNotContain(live.out().strip());
            String id = list.out().lines().skip(1).filter(l -> l.contains("secret")).findFirst().orElseThrow()
                    .split("\\s+")[0];

            Run rolled = run("keys", "roll", id, "--grace", "0", "--data-dir", data);
            assertThat(rolled.exit()).as(rolled.err()).isZero();
            assertThat(http.get("/v1/flows", live.out().strip()).status()).isEqualTo(401);
            assertThat(http.get("/v1/flows", rolled.out().strip()).status()).isEqualTo(200);

            String rolledId = run("keys", "list", "--env", "live", "--data-dir", data).out().lines()
                    .filter(l -> l.contains("active") && l.contains("secret")).findFirst().orElseThrow().split("\\s+")[0];
            Run revoke = run("keys", "revoke", rolledId, "--data-dir", data);
            assertThat(revoke.exit()).isZero();
            assertThat(http.get("/v1/flows", rolled.out().strip()).status()).isEqualTo(401);
        }
    }

    @Test
    void theFirstStartCreatesTestKeysOnlyLiveKeysComeOnPurpose(@TempDir Path dir) {
        var config = new ConfigLoader(Map.of()).load(0, dir, null);
        try (var app = Application.open(config, Clock.systemUTC())) {
            new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
        }
        Run live = run("keys", "list", "--env", "live", "--data-dir", dir.toString());
        assertThat(live.exit()).as(live.err()).isZero();
        assertThat(live.out().lines().skip(1)).as("live keys after the first start").isEmpty();
        Run test = run("keys", "list", "--env", "test", "--data-dir", dir.toString());
        assertThat(test.out()).contains("secret").contains("publishable");
    }

    @Test
    void badValuesStopWithAMessageNotAStackTrace(@TempDir Path dir) {
        Run env = run("keys", "create", "--env", "staging", "--data-dir", dir.toString());
        assertThat(env.exit()).isEqualTo(1);
        assertThat(env.err()).contains("--env").contains("test or live").doesNotContain("at dev.");

        Run grace = run("keys", "roll", "x", "--grace", "forever", "--data-dir", dir.toString());
        assertThat(grace.exit()).isEqualTo(1);
        assertThat(grace.err()).contains("not a duration");

        Run db = run("keys", "list", "--env", "test", "--database-url", "mysql://localhost/x");
        assertThat(db.exit()).isEqualTo(3);
        assertThat(db.err()).contains("PROOFDESK_DATABASE_URL").contains("PostgreSQL");

        Run unknown = run("keys", "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);

        Run bind = run("serve", "--bind", "not an address!", "--data-dir", dir.toString());
        assertThat(bind.exit()).isEqualTo(3);
        assertThat(bind.err()).contains("--bind").contains("127.0.0.1");
    }

    @Test
    void withADatabaseUrlTheMasterKeyMustBeGivenNeverMadeUp(@TempDir Path dir) throws Exception {
        String url = Postgres.freshDatabase();
        Path implicitKey = Path.of("data", "master.key");
        boolean existedBefore = Files.exists(implicitKey);

        Run missing = run("keys", "list", "--env", "test", "--database-url", url);
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("PROOFDESK_MASTER_KEY").contains("--master-key-file")
                .doesNotContain("wrong master key");
        assertThat(Files.exists(implicitKey)).as("no key made up in ./data").isEqualTo(existedBefore);
        Run withDataDir = run("keys", "list", "--env", "test", "--database-url", url, "--data-dir", dir.toString());
        assertThat(withDataDir.exit()).isEqualTo(3);
        assertThat(Files.exists(dir.resolve("master.key"))).isFalse();

        Run absent = run("keys", "list", "--env", "test", "--database-url", url,
                "--master-key-file", dir.resolve("nope.key").toString());
        assertThat(absent.exit()).isEqualTo(3);
        assertThat(absent.err()).contains("does not exist").contains("openssl rand -base64 32");

        String keyFile = MasterKeys.file(dir.resolve("shared")).toString();
        var config = new ConfigLoader(Map.of("PROOFDESK_MASTER_KEY_FILE", keyFile))
                .load(0, dir, url);
        try (var app = Application.open(config, Clock.systemUTC())) {
            new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
            app.mockIssuer(); // sealed with the shared key, as a server's first start does
        }
        Run again = run("keys", "list", "--env", "test", "--database-url", url, "--master-key-file", keyFile);
        assertThat(again.exit()).as(again.err()).isZero();
        // Keys are stored hashed, so listing them needs no master key; the first sealed secret a command
        // opens (here the mock issuer's keys) tells a wrong key apart, before anything is sealed with it.
        Run otherKey = run("mock-passport", "create", "--database-url", url,
                "--master-key-file", MasterKeys.file(dir.resolve("other")).toString());
        assertThat(otherKey.exit()).isEqualTo(1);
        assertThat(otherKey.err()).contains("not the one it was sealed with").contains("--master-key-file");
    }

    @Test
    void worksOnPostgresToo(@TempDir Path dir) {
        String url = Postgres.freshDatabase();
        String keyFile = MasterKeys.file(dir).toString();
        Run first = run("keys", "create", "--env", "test", "--database-url", url, "--master-key-file", keyFile);
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.err()).contains("no account yet");

        var config = new ConfigLoader(Map.of("PROOFDESK_MASTER_KEY_FILE", keyFile))
                .load(0, dir, url);
        try (var app = Application.open(config, Clock.systemUTC())) {
            new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
        }
        Run created = run("keys", "create", "--env", "live", "--database-url", url, "--master-key-file", keyFile);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out().strip()).startsWith("sk_live_");
    }
}
