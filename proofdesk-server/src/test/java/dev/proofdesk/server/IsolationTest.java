package dev.proofdesk.server;

import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The key decides the environment; nothing of one environment or account is reachable from another. */
class IsolationTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTestKeyCannotReadListUpdateOrUseLiveFlowsAndTheReverse(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String liveFlow = Fixtures.publishedFlow(http, account.liveKey());
        String testFlow = Fixtures.publishedFlow(http, account.testKey());

        for (String[] pair : new String[][]{{account.testKey(), liveFlow, "live", "test"},
                {account.liveKey(), testFlow, "test", "live"}}) {
            String key = pair[0];
            String flow = pair[1];
            for (HttpApi.Response r : new HttpApi.Response[]{
                    http.get("/v1/flows/" + flow, key),
                    http.post("/v1/flows/" + flow, key, Map.of("name", "hijack")),
                    http.post("/v1/flows/" + flow + "/publish", key, null),
                    http.post("/v1/flows/" + flow + "/archive", key, null),
                    http.get("/v1/flows/" + flow + "/versions", key),
                    http.get("/v1/flows/" + flow + "/export", key),
                    http.post("/v1/sessions", key, Map.of("flowId", flow))}) {
                assertThat(r.status()).as(r.toString()).isEqualTo(403);
                assertThat(r.errorCode()).isEqualTo("environment_mismatch");
                assertThat(r.message()).contains("Flow " + flow)
                        .contains("exists in " + pair[2] + " mode, but a " + pair[3] + " key was used");
            }
            assertThat(http.get("/v1/flows?limit=100", key).body().path("data").findValuesAsText("id"))
                    .doesNotContain(flow);
        }
        // nothing was changed by the refused calls
        assertThat(http.get("/v1/flows/" + liveFlow, account.liveKey()).body().path("name").asText()).isEqualTo("Adults");
        assertThat(http.get("/v1/flows/" + liveFlow, account.liveKey()).body().path("status").asText()).isEqualTo("published");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void sessionsStayInTheirEnvironmentAndCarryLivemode(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        HttpApi http = server.http();
        String liveSession = Fixtures.session(http, account.liveKey(), Fixtures.publishedFlow(http, account.liveKey()));
        String testSession = Fixtures.session(http, account.testKey(), Fixtures.publishedFlow(http, account.testKey()));

        assertThat(http.get("/v1/sessions/" + liveSession, account.liveKey()).body().path("livemode").asBoolean()).isTrue();
        assertThat(http.get("/v1/sessions/" + testSession, account.testKey()).body().path("livemode").asBoolean()).isFalse();

        HttpApi.Response crossRead = http.get("/v1/sessions/" + liveSession, account.testKey());
        assertThat(crossRead.status()).isEqualTo(403);
        assertThat(crossRead.errorCode()).isEqualTo("environment_mismatch");
        HttpApi.Response crossCancel = http.post("/v1/sessions/" + testSession + "/cancel", account.liveKey(), null);
        assertThat(crossCancel.status()).isEqualTo(403);
        assertThat(http.get("/v1/sessions/" + testSession, account.testKey()).body().path("status").asText())
                .isEqualTo("pending");
        assertThat(http.get("/v1/sessions?limit=100", account.testKey()).body().path("data").findValuesAsText("id"))
                .containsExactly(testSession);
        assertThat(http.get("/v1/sessions?limit=100", account.liveKey()).body().path("data").findValuesAsText("id"))
                .containsExactly(liveSession);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anotherAccountSeesNothingAtAll(Db db) {
        TestServer server = TestServer.shared(db);
        HttpApi http = server.http();
        TestAccount owner = server.newAccount();
        TestAccount stranger = server.newAccount();
        String flow = Fixtures.publishedFlow(http, owner.testKey());
        String session = Fixtures.session(http, owner.testKey(), flow);

        for (String key : new String[]{stranger.testKey(), stranger.liveKey()}) {
            for (HttpApi.Response r : new HttpApi.Response[]{
                    http.get("/v1/flows/" + flow, key),
                    http.post("/v1/flows/" + flow, key, Map.of("name", "x")),
                    http.post("/v1/flows/" + flow + "/publish", key, null),
                    http.post("/v1/sessions", key, Map.of("flowId", flow)),
                    http.get("/v1/sessions/" + session, key),
                    http.post("/v1/sessions/" + session + "/cancel", key, null)}) {
                assertThat(r.status()).as(r.toString()).isEqualTo(404);
                assertThat(r.errorCode()).isEqualTo("not_found");
            }
            assertThat(http.get("/v1/flows", key).body().path("data")).isEmpty();
            assertThat(http.get("/v1/sessions", key).body().path("data")).isEmpty();
        }
    }
}
