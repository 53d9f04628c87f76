import type { PagePromise } from '../pagination.js';
import { segment, type RequestOptions, type Requestor } from '../requestor.js';
import type { ChipSignature, ListParams, MockPassport, MockPassportCreateParams, Session, SessionCompleteParams } from '../types.js';

/** Mock passports of the test environment. */
export class MockPassports {
  readonly #api: Requestor;

  constructor(api: Requestor) {
    this.#api = api;
  }

  /** A document with the attributes you choose, signed by this deployment's mock issuer. */
  create(params: MockPassportCreateParams = {}, options?: RequestOptions): Promise<MockPassport> {
    return this.#api.post('/v1/test_helpers/mock_passports', params, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<MockPassport> {
    return this.#api.get(`/v1/test_helpers/mock_passports/${segment(id)}`, {}, options);
  }

  list(params: ListParams = {}, options?: RequestOptions): PagePromise<MockPassport> {
    return this.#api.list('/v1/test_helpers/mock_passports', { ...params }, options);
  }

  /**
   * The mock chip's Active Authentication signature over a session's challenge (base64), to play the
   * holder protocol by hand: GET the challenge with the client secret, sign it here, then submit.
   */
  signChallenge(id: string, params: { challenge: string }, options?: RequestOptions): Promise<ChipSignature> {
    return this.#api.post(`/v1/test_helpers/mock_passports/${segment(id)}/sign_challenge`, params, options);
  }
}

/** Moves test sessions along without a person. */
export class TestSessions {
  readonly #api: Requestor;

  constructor(api: Requestor) {
    this.#api = api;
  }

  /**
   * Completes a pending session with a mock passport: its emulated chip is relayed through a real
   * chip relay into the terminal and verifier live uses. Returns the session with its result.
   */
  complete(id: string, params: SessionCompleteParams, options?: RequestOptions): Promise<Session> {
    return this.#api.post(`/v1/test_helpers/sessions/${segment(id)}/complete`, params, options);
  }

  /** Expires a pending session now, as if its time had run out. */
  expire(id: string, options?: RequestOptions): Promise<Session> {
    return this.#api.post(`/v1/test_helpers/sessions/${segment(id)}/expire`, undefined, options);
  }
}

/** `/v1/test_helpers`: only with a test key (a live key gets TestModeOnlyError). */
export class TestHelpers {
  readonly mockPassports: MockPassports;
  readonly sessions: TestSessions;

  constructor(api: Requestor) {
    this.mockPassports = new MockPassports(api);
    this.sessions = new TestSessions(api);
  }
}
