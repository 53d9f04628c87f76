package dev.proofdesk.server.sdk;

import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.flow.FlowDefinition;
import dev.proofdesk.sdk.flow.FlowDefinition.Rules;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.Product;
import dev.proofdesk.sdk.session.ChipAuthentication;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.session.SessionStatus;
import dev.proofdesk.sdk.testhelper.MockPassport;
import dev.proofdesk.sdk.testhelper.MockPassportCreateParams;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The chip-authentication rule, mock chips and how a chip proved itself, typed in the SDK. */
class SdkChipAuthenticationTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void flowsSetTheRuleMockPassportsChooseTheirChipAndResultsSayHowItProvedItself(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        try (Proofdesk test = Proofdesk.builder().apiKey(account.testKey()).baseUrl(server.baseUrl()).build()) {
            String strict = test.flows().create(FlowParams.builder().name("Genuine chips").product(Product.PRE_KYC)
                    .build()).id();
            test.flows().publish(strict);
            String passive = test.flows().create(FlowParams.builder().name("Passive is enough")
                    .product(Product.PRE_KYC).rules(Rules.builder().requireChipAuthentication(false).build()).build()).id();
            test.flows().publish(passive);
            FlowDefinition exported = test.flows().export(passive);
            assertThat(exported.rules().requireChipAuthentication()).isFalse();
            assertThat(test.flows().export(strict).rules().requireChipAuthentication()).isTrue();

            MockPassport german = test.testHelpers().mockPassports().create(MockPassportCreateParams.builder()
                    .chipAuthentication("chip").accessControl("pace").build());
            assertThat(german.chipAuthentication()).isEqualTo("chip");
            assertThat(german.accessControl()).isEqualTo("pace");
            assertThat(german.can()).matches("\\d{6}");
            assertThat(german.chip().dg15()).isNull();
            Session chip = test.testHelpers().sessions().complete(
                    test.sessions().create(SessionCreateParams.builder().flowId(strict).build()).id(), german.id());
            assertThat(chip.status()).isEqualTo(SessionStatus.VALID);
            assertThat(chip.result().chipAuthentication()).isEqualTo(ChipAuthentication.CHIP_AUTHENTICATION);

            MockPassport us = test.testHelpers().mockPassports().create(MockPassportCreateParams.builder()
                    .chipAuthentication("none").build());
            Session refused = test.testHelpers().sessions().complete(
                    test.sessions().create(SessionCreateParams.builder().flowId(strict).build()).id(), us.id());
            assertThat(refused.status()).isEqualTo(SessionStatus.INVALID);
            assertThat(refused.result().failures()).extracting(c -> c.code())
                    .containsExactly("chip_authentication_unavailable");
            Session accepted = test.testHelpers().sessions().complete(
                    test.sessions().create(SessionCreateParams.builder().flowId(passive).build()).id(), us.id());
            assertThat(accepted.status()).isEqualTo(SessionStatus.VALID);
            assertThat(accepted.result().chipAuthentication()).isEqualTo(ChipAuthentication.NONE);
        }
    }
}
