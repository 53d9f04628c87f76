import { livemodeOf } from './apiKeys.js';
import { guardLiveKey } from './liveKeyGuard.js';
import { Requestor } from './requestor.js';
import { BalanceResource } from './resources/balance.js';
import { Events } from './resources/events.js';
import { Flows } from './resources/flows.js';
import { Sessions } from './resources/sessions.js';
import { TestHelpers } from './resources/testHelpers.js';
import { WebhookEndpoints } from './resources/webhookEndpoints.js';

export interface ProofdeskOptions {
  /** A secret key, `sk_test_…` or `sk_live_…`; it also decides the environment. */
  apiKey: string;
  /** Your Proofdesk server, e.g. `https://verify.example.com`. */
  baseUrl: string;
  /** Time for a whole request, in milliseconds (default 30 000); per call with `{ timeoutMs }`. */
  timeoutMs?: number;
  /**
   * Retries after connection failures, 5xx answers and `429`s with a short `Retry-After`, with
   * exponential backoff and jitter (default 2, at most 10). Only requests that are safe to repeat
   * are retried: GETs, and POSTs sent with an `idempotencyKey`.
   */
  maxNetworkRetries?: number;
  /**
   * A live key is refused when the process looks like a test or CI run (`CI` set, `NODE_ENV=test`,
   * node --test, Jest, Vitest, Mocha). Set this to say that reaching live from here is meant.
   */
  allowLiveKeyInTestEnvironment?: boolean;
}

/**
 * The Proofdesk API client. Make one per key and share it. The key decides the environment:
 * `sk_test_…` works on test data, `sk_live_…` on live data. A key that is not shaped like a secret
 * key is refused here, before any request.
 *
 *   const proofdesk = new Proofdesk({ apiKey: process.env.PROOFDESK_API_KEY!, baseUrl });
 *   const session = await proofdesk.sessions.create({ flowId }, { idempotencyKey: `signup-${userId}` });
 */
export class Proofdesk {
  /** True for a live key: requests act on live data and cost credits. */
  readonly livemode: boolean;
  readonly baseUrl: string;
  readonly flows: Flows;
  readonly sessions: Sessions;
  /** Webhook endpoints of the key's environment; verify what they receive with `Webhooks`. */
  readonly webhookEndpoints: WebhookEndpoints;
  /** Events of the key's environment: list, retrieve, redeliver. */
  readonly events: Events;
  readonly balance: BalanceResource;
  /** Test-mode helpers: mock passports, session completion and expiry (test keys only). */
  readonly testHelpers: TestHelpers;

  constructor(options: ProofdeskOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('new Proofdesk({ apiKey, baseUrl }) needs an options object');
    }
    this.livemode = livemodeOf(options.apiKey);
    guardLiveKey(this.livemode, options.allowLiveKeyInTestEnvironment === true);
    this.baseUrl = checkBaseUrl(options.baseUrl);
    const timeoutMs = options.timeoutMs ?? 30_000;
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      throw new TypeError(`timeoutMs must be a positive whole number of milliseconds (got ${timeoutMs})`);
    }
    const retries = options.maxNetworkRetries ?? 2;
    if (!Number.isInteger(retries) || retries < 0 || retries > 10) {
      throw new TypeError(`maxNetworkRetries must be a whole number from 0 to 10 (got ${retries})`);
    }
    const api = new Requestor(options.apiKey, this.baseUrl, timeoutMs, retries);
    this.flows = new Flows(api);
    this.sessions = new Sessions(api);
    this.webhookEndpoints = new WebhookEndpoints(api);
    this.events = new Events(api);
    this.balance = new BalanceResource(api);
    this.testHelpers = new TestHelpers(api);
  }

  toString(): string {
    return `Proofdesk[${this.livemode ? 'live' : 'test'}, ${this.baseUrl}]`;
  }
}

function checkBaseUrl(url: unknown): string {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new TypeError('baseUrl is required: the address of your Proofdesk server, e.g. https://verify.example.com');
  }
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new TypeError(`baseUrl '${url}' is not a URL; use an absolute http(s) URL such as https://verify.example.com`);
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.search !== '' || parsed.hash !== '') {
    throw new TypeError(
      `baseUrl '${url}' must be an absolute http(s) URL such as https://verify.example.com, without query or fragment`,
    );
  }
  return parsed.toString().replace(/\/+$/, '');
}
