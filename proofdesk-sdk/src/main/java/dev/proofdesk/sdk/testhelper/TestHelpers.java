package dev.proofdesk.sdk.testhelper;

import dev.proofdesk.sdk.Page;
import dev.proofdesk.sdk.ListParams;
import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.net.ApiRequestor;
import dev.proofdesk.sdk.session.Session;

import java.util.Map;

import static dev.proofdesk.sdk.net.ApiRequestor.segment;

/**
 * {@code /v1/test_helpers}: only with a test key (a live key gets {@code test_mode_only}). Drive
 * verifications from CI: create a mock passport, then complete a session with it, which performs
 * the holder side for real through the same verifier live uses.
 */
public final class TestHelpers {
    private final MockPassports mockPassports;
    private final Sessions sessions;

    public TestHelpers(ApiRequestor api) {
        this.mockPassports = new MockPassports(api);
        this.sessions = new Sessions(api);
    }

    public MockPassports mockPassports() {
        return mockPassports;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** Mock passports of the test environment. */
    public static final class MockPassports {
        private final ApiRequestor api;

        MockPassports(ApiRequestor api) {
            this.api = api;
        }

        public MockPassport create(MockPassportCreateParams params) {
            return create(params, RequestOptions.NONE);
        }

        public MockPassport create(MockPassportCreateParams params, RequestOptions options) {
            return api.post("/v1/test_helpers/mock_passports", Map.of(), params, MockPassport.class, options);
        }

        public MockPassport retrieve(String id) {
            return api.get("/v1/test_helpers/mock_passports/" + segment(id), Map.of(), MockPassport.class,
                    RequestOptions.NONE);
        }

        /**
         * The mock chip's active-authentication signature (base64) over a session's challenge (base64,
         * from {@code GET /v1/sessions/{id}/challenge}), for tests that play the holder protocol themselves.
         */
        public String signChallenge(String mockPassportId, String challenge) {
            return api.post("/v1/test_helpers/mock_passports/" + segment(mockPassportId) + "/sign_challenge", Map.of(),
                    Map.of("challenge", challenge), ChipSignature.class, RequestOptions.NONE).activeAuthSignature();
        }

        public Page<MockPassport> list(ListParams params) {
            return api.list("/v1/test_helpers/mock_passports", params.toQuery(), MockPassport.class,
                    MockPassport::id, RequestOptions.NONE);
        }
    }

    /** The answer of {@code sign_challenge}. */
    record ChipSignature(String activeAuthSignature) {
    }

    /** Moves test sessions along without a person. */
    public static final class Sessions {
        private final ApiRequestor api;

        Sessions(ApiRequestor api) {
            this.api = api;
        }

        /**
         * Completes a pending session with a mock passport: the server relays its emulated chip through
         * the chip relay into the terminal live uses; returns the session with its result.
         */
        public Session complete(String sessionId, String mockPassportId) {
            return api.post("/v1/test_helpers/sessions/" + segment(sessionId) + "/complete", Map.of(),
                    Map.of("mockPassportId", mockPassportId), Session.class, RequestOptions.NONE);
        }

        /** Expires a pending session now, as if its time had run out. */
        public Session expire(String sessionId) {
            return api.post("/v1/test_helpers/sessions/" + segment(sessionId) + "/expire", Map.of(), null,
                    Session.class, RequestOptions.NONE);
        }
    }
}
