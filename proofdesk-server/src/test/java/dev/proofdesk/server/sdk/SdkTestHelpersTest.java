package dev.proofdesk.server.sdk;

import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.exception.ProofdeskException;
import dev.proofdesk.sdk.flow.FlowDefinition.Disclosures;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.Product;
import dev.proofdesk.sdk.flow.FlowDefinition.Rules;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.session.SessionStatus;
import dev.proofdesk.sdk.testhelper.MockPassport;
import dev.proofdesk.sdk.testhelper.MockPassportCreateParams;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.HttpApi;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CI pattern through the SDK: create a session, complete it with a mock passport, read the verdict. */
class SdkTestHelpersTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void completesSessionsWithMockPassportsAndReadsTypedResults(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        try (Proofdesk test = Proofdesk.builder().apiKey(account.testKey()).baseUrl(server.baseUrl()).build()) {
            String flowId = test.flows().create(FlowParams.builder().name("Adults").product(Product.AGE_VERIFICATION)
                    .rules(Rules.builder().minimumAge(18).build())
                    .disclosures(Disclosures.builder().nationality(true).build()).build()).id();
            test.flows().publish(flowId);

            MockPassport adult = test.testHelpers().mockPassports().create(MockPassportCreateParams.builder()
                    .nationality("FRA").age(30).signatureAlgorithm("RSA-2048").build());
            assertThat(adult.chip().sod()).isNotEmpty();
            assertThat(test.testHelpers().mockPassports().retrieve(adult.id()).nationality()).isEqualTo("FRA");

            Session session = test.sessions().create(SessionCreateParams.builder().flowId(flowId).build());
            Session done = test.testHelpers().sessions().complete(session.id(), adult.id());
            assertThat(done.status()).isEqualTo(SessionStatus.VALID);
            assertThat(done.result().attribute("nationality")).contains("FRA");
            assertThat(done.result().failures()).isEmpty();

            MockPassport minor = test.testHelpers().mockPassports().create(MockPassportCreateParams.builder()
                    .age(16).build());
            Session refused = test.testHelpers().sessions().complete(
                    test.sessions().create(SessionCreateParams.builder().flowId(flowId).build()).id(), minor.id());
            assertThat(refused.status()).isEqualTo(SessionStatus.INVALID);
            assertThat(refused.result().failures()).extracting(c -> c.code()).containsExactly("age_below_minimum");

            Session byHand = test.sessions().create(SessionCreateParams.builder().flowId(flowId).build());
            var holder = new HttpApi(server.baseUrl());
            String challenge = holder.send("GET", "/v1/sessions/" + byHand.id() + "/challenge", byHand.clientSecret(),
                    null, Map.of()).body().path("challenge").asText();
            String signature = test.testHelpers().mockPassports().signChallenge(adult.id(), challenge);
            var submitted = holder.send("POST", "/v1/sessions/" + byHand.id() + "/submission", byHand.clientSecret(),
                    Map.of("dg1", adult.chip().dg1(), "sod", adult.chip().sod(), "dg15", adult.chip().dg15(),
                            "activeAuthSignature", signature), Map.of());
            assertThat(submitted.body().path("status").asText()).as(submitted.toString()).isEqualTo("valid");

            Session expired = test.testHelpers().sessions().expire(
                    test.sessions().create(SessionCreateParams.builder().flowId(flowId).build()).id());
            assertThat(expired.status()).isEqualTo(SessionStatus.EXPIRED);
        }
        // live on purpose: the SDK refuses live keys under JUnit unless told so
        try (Proofdesk live = Proofdesk.builder().apiKey(account.liveKey()).baseUrl(server.baseUrl())
                .allowLiveKeyInTestEnvironment(true).build()) {
            assertThatThrownBy(() -> live.testHelpers().mockPassports().create(MockPassportCreateParams.builder().build()))
                    .isInstanceOf(ProofdeskException.class)
                    .satisfies(e -> assertThat(((ProofdeskException) e).code()).isEqualTo("test_mode_only"));
        }
    }
}
