package dev.proofdesk.server.sdk;

import dev.proofdesk.sdk.ListParams;
import dev.proofdesk.sdk.Page;
import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.billing.Balance;
import dev.proofdesk.sdk.exception.ApiConnectionException;
import dev.proofdesk.sdk.exception.AuthenticationException;
import dev.proofdesk.sdk.exception.ConflictException;
import dev.proofdesk.sdk.exception.EnvironmentMismatchException;
import dev.proofdesk.sdk.exception.InvalidRequestException;
import dev.proofdesk.sdk.exception.MalformedApiKeyException;
import dev.proofdesk.sdk.exception.NotFoundException;
import dev.proofdesk.sdk.flow.Flow;
import dev.proofdesk.sdk.flow.FlowDefinition;
import dev.proofdesk.sdk.flow.FlowDefinition.Disclosures;
import dev.proofdesk.sdk.flow.FlowDefinition.Rules;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.FlowStatus;
import dev.proofdesk.sdk.flow.FlowVersion;
import dev.proofdesk.sdk.flow.Product;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.session.SessionListParams;
import dev.proofdesk.sdk.session.SessionStatus;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.TestAccount;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java SDK against a real server: what an integrator's backend does, end to end. */
class SdkIntegrationTest {

    private static Proofdesk client(TestServer server, String key) {
        return Proofdesk.builder().apiKey(key).baseUrl(server.baseUrl()).build();
    }

    /** This suite reaches live on purpose: the SDK refuses live keys under JUnit unless told so. */
    private static Proofdesk liveClient(TestServer server, String key) {
        return Proofdesk.builder().apiKey(key).baseUrl(server.baseUrl()).allowLiveKeyInTestEnvironment(true).build();
    }

    private static FlowParams adults(String name) {
        return FlowParams.builder().name(name).product(Product.AGE_VERIFICATION)
                .rules(Rules.builder().minimumAge(18).excludedCountries("PRK").build())
                .disclosures(Disclosures.builder().nationality(true).build())
                .build();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void createsPublishesEditsAndExportsAFlow(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        try (Proofdesk test = client(server, account.testKey()); Proofdesk live = liveClient(server, account.liveKey())) {
            assertThat(test.livemode()).isFalse();
            assertThat(live.livemode()).isTrue();

            Flow draft = test.flows().create(adults("Adults"));
            assertThat(draft.status()).isEqualTo(FlowStatus.DRAFT);
            assertThat(draft.product()).isEqualTo(Product.AGE_VERIFICATION);
            assertThat(draft.rules().minimumAge()).isEqualTo(18);
            assertThat(draft.rules().ofac()).isTrue();
            assertThat(draft.documents()).containsExactly("passport");
            assertThat(draft.disclosures().nationality()).isTrue();
            assertThat(draft.disclosures().fullName()).isFalse();
            assertThat(draft.settings().sessionTtlSeconds()).isEqualTo(3600);
            assertThat(draft.livemode()).isFalse();
            assertThat(draft.publishedVersion()).isNull();

            Flow published = test.flows().publish(draft.id());
            assertThat(published.status()).isEqualTo(FlowStatus.PUBLISHED);
            assertThat(published.publishedVersion()).isEqualTo(1);
            assertThat(published.publishedAt()).isNotNull();

            Flow edited = test.flows().update(draft.id(), FlowParams.builder()
                    .rules(Rules.builder().minimumAge(21).build()).build());
            assertThat(edited.version()).isEqualTo(2);
            assertThat(edited.status()).isEqualTo(FlowStatus.DRAFT);
            assertThat(edited.rules().excludedCountries()).as("a partial update keeps the rest").containsExactly("PRK");
            assertThat(test.flows().retrieve(draft.id()).rules().minimumAge()).isEqualTo(21);
            assertThat(test.flows().versions(draft.id())).extracting(FlowVersion::version).containsExactly(2, 1);

            FlowDefinition exported = test.flows().export(draft.id());
            assertThat(exported.rules().minimumAge()).as("export prefers the published version").isEqualTo(18);
            assertThat(test.flows().export(draft.id(), 2).rules().minimumAge()).isEqualTo(21);

            Flow promoted = live.flows().importDefinition(exported);
            assertThat(promoted.livemode()).isTrue();
            assertThat(promoted.status()).as("an import is always a draft").isEqualTo(FlowStatus.DRAFT);
            assertThat(promoted.name()).isEqualTo("Adults");
            assertThat(promoted.id()).isNotEqualTo(draft.id());

            Flow archived = test.flows().archive(draft.id());
            assertThat(archived.status()).isEqualTo(FlowStatus.ARCHIVED);
            assertThatThrownBy(() -> test.flows().publish(draft.id())).isInstanceOf(ConflictException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void createsListsRetrievesAndCancelsSessions(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        try (Proofdesk test = client(server, account.testKey())) {
            String flowId = test.flows().publish(test.flows().create(adults("Sessions")).id()).id();
            String otherFlow = test.flows().publish(test.flows().create(adults("Other")).id()).id();
            String person = UUID.randomUUID().toString();

            Session session = test.sessions().create(SessionCreateParams.builder().flowId(flowId)
                    .externalUuid(person).expiresInSeconds(600).metadata(Map.of("plan", "pro", "seats", 3)).build());
            assertThat(session.status()).isEqualTo(SessionStatus.PENDING);
            assertThat(session.flowId()).isEqualTo(flowId);
            assertThat(session.externalUuid()).isEqualTo(person);
            assertThat(session.metadata()).containsEntry("plan", "pro").containsEntry("seats", 3);
            assertThat(session.clientSecret()).startsWith("cs_test_");
            assertThat(session.verificationUrl()).contains("/verify/" + session.id());
            assertThat(session.result()).as("no result until completed").isNull();
            assertThat(session.cost()).isEqualTo(10);
            assertThat(session.livemode()).isFalse();
            assertThat(Duration.between(session.createdAt(), session.expiresAt()).toSeconds()).isEqualTo(600);

            Session other = test.sessions().create(SessionCreateParams.forFlow(otherFlow));
            assertThat(test.sessions().retrieve(session.id()).externalUuid()).isEqualTo(person);

            Session canceled = test.sessions().cancel(other.id());
            assertThat(canceled.status()).isEqualTo(SessionStatus.CANCELED);
            assertThat(canceled.completedAt()).isNotNull();
            assertThatThrownBy(() -> test.sessions().cancel(other.id()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

            assertThat(test.sessions().list(SessionListParams.flow(flowId)).data())
                    .extracting(Session::id).containsExactly(session.id());
            assertThat(test.sessions().list(SessionListParams.status(SessionStatus.CANCELED)).data())
                    .extracting(Session::id).containsExactly(other.id());
            assertThat(test.sessions().list(SessionListParams.status(SessionStatus.PENDING).withFlowId(otherFlow))
                    .data()).isEmpty();
            assertThat(test.sessions().list().data()).extracting(Session::id)
                    .as("newest first").containsExactly(other.id(), session.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void pagesThroughEveryObjectOnDemand(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        try (Proofdesk test = client(server, account.testKey())) {
            String flowId = test.flows().publish(test.flows().create(adults("Paging")).id()).id();
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                created.addFirst(test.sessions().create(SessionCreateParams.forFlow(flowId)).id());
            }

            Page<Session> first = test.sessions().list(SessionListParams.ALL.withLimit(3));
            assertThat(first.data()).hasSize(3);
            assertThat(first.hasMore()).isTrue();
            Page<Session> second = first.nextPage();
            assertThat(second.data()).extracting(Session::id).containsExactlyElementsOf(created.subList(3, 6));

            List<String> walked = new ArrayList<>();
            first.autoPaging().forEach(s -> walked.add(s.id()));
            assertThat(walked).containsExactlyElementsOf(created);
            assertThat(test.sessions().list(SessionListParams.ALL.withLimit(2)).stream().limit(3).toList()).hasSize(3);

            for (int i = 0; i < 2; i++) {
                test.flows().create(adults("Flow " + i));
            }
            assertThat(test.flows().list(ListParams.limit(1)).stream().map(Flow::id).toList()).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void mapsErrorsToExceptionsWithTheRequestId(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        try (Proofdesk test = client(server, account.testKey()); Proofdesk live = liveClient(server, account.liveKey())) {
            assertThatThrownBy(() -> test.flows().create(FlowParams.builder().name("No product")
                    .rules(Rules.builder().minimumAge(130).build()).build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("validation_failed");
                        assertThat(e.requestId()).startsWith("req_");
                        assertThat(e.issues()).extracting(InvalidRequestException.Issue::path)
                                .contains("product", "rules.minimumAge");
                    });

            String missing = UUID.randomUUID().toString();
            assertThatThrownBy(() -> test.sessions().retrieve(missing))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("not_found");
                        assertThat(e.requestId()).startsWith("req_");
                        assertThat(e.getMessage()).contains(missing);
                    });

            String liveFlow = live.flows().create(adults("Live")).id();
            assertThatThrownBy(() -> test.flows().retrieve(liveFlow))
                    .isInstanceOfSatisfying(EnvironmentMismatchException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.objectLivemode()).isTrue();
                        assertThat(e.requestId()).startsWith("req_");
                    });

            String draft = test.flows().create(adults("Unpublished")).id();
            assertThatThrownBy(() -> test.sessions().create(SessionCreateParams.forFlow(draft)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("Publish it first");

            // well-formed but unknown to the server: the server refuses it
            TestAccount other = server.newAccount();
            String revokedLater = other.testKey();
            server.app().apiKeys().revoke(other.id(), server.app().apiKeys()
                    .list(other.id(), Environment.TEST).getFirst().id(), "test");
            try (Proofdesk revoked = client(server, revokedLater)) {
                assertThatThrownBy(() -> revoked.flows().list())
                        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                            assertThat(e).isNotInstanceOf(MalformedApiKeyException.class);
                            assertThat(e.statusCode()).isEqualTo(401);
                            assertThat(e.requestId()).startsWith("req_");
                        });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anIdempotencyKeyCreatesOnceAndRefusesADifferentRequest(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount();
        try (Proofdesk test = client(server, account.testKey())) {
            String flowId = test.flows().publish(test.flows().create(adults("Idempotent")).id()).id();
            RequestOptions once = RequestOptions.idempotencyKey("signup-" + UUID.randomUUID());

            Session first = test.sessions().create(SessionCreateParams.forFlow(flowId), once);
            Session replay = test.sessions().create(SessionCreateParams.forFlow(flowId), once);
            assertThat(replay.id()).isEqualTo(first.id());
            assertThat(test.sessions().list().data()).hasSize(1);

            assertThatThrownBy(() -> test.sessions().create(SessionCreateParams.builder().flowId(flowId)
                    .expiresInSeconds(120).build(), once))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.getMessage()).contains("Idempotency-Key");
                        assertThat(e.requestId()).startsWith("req_");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void readsTheLiveBalanceAndSaysBillingDoesNotApplyInTest(Db db) {
        TestServer server = TestServer.shared(db);
        TestAccount account = server.newAccount(100);
        try (Proofdesk test = client(server, account.testKey()); Proofdesk live = liveClient(server, account.liveKey())) {
            String flowId = live.flows().publish(live.flows().create(adults("Paid")).id()).id();
            live.sessions().create(SessionCreateParams.forFlow(flowId));

            Balance balance = live.balance().retrieve();
            assertThat(balance.livemode()).isTrue();
            assertThat(balance.credits()).isEqualTo(90);
            assertThat(balance.reserved()).isEqualTo(10);

            Balance none = test.balance().retrieve();
            assertThat(none.livemode()).isFalse();
            assertThat(none.credits()).isNull();
            assertThat(none.message()).contains("Billing does not apply in test mode");
        }
    }

    @Test
    void refusesAMalformedKeyWithoutSendingAnything() throws IOException {
        String deadUrl;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        String good = TestServer.shared(Db.SQLITE).newAccount().testKey();
        // proof that the port is dead: a well-formed key gets as far as the network, and fails there
        try (Proofdesk wellFormed = Proofdesk.builder().apiKey(good).baseUrl(deadUrl).build()) {
            assertThatThrownBy(() -> wellFormed.flows().list()).isInstanceOf(ApiConnectionException.class);
        }

        char last = good.charAt(good.length() - 1);
        List<String> malformed = List.of(
                good.substring(0, good.length() - 1) + (last == 'a' ? 'b' : 'a'), // checksum mismatch
                good.substring(0, good.length() - 1),                              // too short
                good.replace("sk_test_", "sk_prod_"),                              // unknown prefix
                "pk" + good.substring(2),                                           // publishable key
                good.substring(0, 20) + "-" + good.substring(21),                  // not base62
                " " + good,
                "");
        for (String key : malformed) {
            assertThatThrownBy(() -> Proofdesk.builder().apiKey(key).baseUrl(deadUrl).build())
                    .as(key).isInstanceOfSatisfying(MalformedApiKeyException.class, e -> {
                        assertThat(e.statusCode()).isZero();
                        assertThat(e.code()).isEqualTo("malformed_api_key");
                        assertThat(e.requestId()).isNull();
                        if (key.length() > 12) {
                            assertThat(e.getMessage()).as("never echo the secret").doesNotContain(key.substring(8));
                        }
                    });
        }
    }
}
