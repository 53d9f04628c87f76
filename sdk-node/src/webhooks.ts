import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './errors.js';
import type { Event } from './types.js';

const TEST_TAG = 'whsec_test_';
const LIVE_TAG = 'whsec_live_';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Request headers as frameworks hand them over: a Fetch `Headers`, Node's `req.headers`, or a plain object. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

export interface ConstructEventOptions {
  /** How far the timestamp may be from now, either way, in seconds (default 300). */
  toleranceSeconds?: number;
  /** "Now", for tests that travel in time (default: the system clock). */
  now?: Date;
}

/** The three Standard Webhooks headers. */
export interface SignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  [name: string]: string;
}

interface Secret {
  livemode: boolean;
  key: Buffer;
}

/**
 * Verifies and signs Proofdesk webhooks (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`, several space-separated
 * while a secret rotation overlaps).
 */
export const Webhooks = {
  /** How far the timestamp may be from now, either way, before a request counts as a replay. */
  DEFAULT_TOLERANCE_SECONDS: 300,

  /**
   * Verifies a webhook request and returns its event; throws WebhookVerificationError otherwise
   * (answer such a request with 400). Pass the body exactly as received — a string or the raw
   * bytes, never parsed JSON — and the endpoint's secret as Proofdesk issued it (`whsec_test_…`
   * or `whsec_live_…`): a test secret never accepts a live event, nor a live secret a test one.
   */
  constructEvent(
    rawBody: string | Uint8Array,
    headers: WebhookHeaders,
    secret: string,
    options: ConstructEventOptions = {},
  ): Event {
    const key = parseSecret(secret);
    const body = rawBytes(rawBody);
    const id = header(headers, 'webhook-id');
    const timestamp = header(headers, 'webhook-timestamp');
    const signatures = header(headers, 'webhook-signature');
    const tolerance = options.toleranceSeconds ?? Webhooks.DEFAULT_TOLERANCE_SECONDS;
    if (!/^\d{1,15}$/.test(timestamp.trim())) {
      throw new WebhookVerificationError(`The webhook-timestamp header is not a number of seconds: '${timestamp}'.`);
    }
    const seconds = Number(timestamp.trim());
    const skew = Math.floor((options.now ?? new Date()).getTime() / 1000) - seconds;
    if (Math.abs(skew) > tolerance) {
      throw new WebhookVerificationError(
        `The webhook-timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'in the future'}; at most ${tolerance} s ` +
          'is accepted. A replayed request, or check this machine\'s clock.',
      );
    }
    if (!anyMatches(signatures, sign(key.key, id, seconds, body))) {
      throw new WebhookVerificationError(
        'No signature matches this secret. Check that the secret is this endpoint\'s (after a rotation use the ' +
          'new one) and that the body is passed exactly as received, not re-serialized.',
      );
    }
    const event = parseEvent(body);
    if (event.id !== id) {
      throw new WebhookVerificationError(`The webhook-id header (${id}) is not the event's id (${event.id}).`);
    }
    if (event.livemode !== key.livemode) {
      const kind = event.livemode ? 'live' : 'test';
      const secretKind = key.livemode ? 'live' : 'test';
      throw new WebhookVerificationError(
        `This is a ${kind} event but the secret is a ${secretKind} secret (whsec_${secretKind}_…): a ${kind} event ` +
          `must never reach a ${secretKind} handler. Check which endpoint points here.`,
      );
    }
    return event;
  },

  /**
   * The three headers for `body`, signed with every given secret (several during a rotation), for
   * your own tests of a webhook handler. `timestamp` is a Date or Unix seconds.
   */
  signatureHeaders(id: string, timestamp: Date | number, body: string | Uint8Array, ...secrets: string[]): SignatureHeaders {
    if (secrets.length === 0) {
      throw new TypeError('at least one secret is needed');
    }
    const seconds = typeof timestamp === 'number' ? Math.floor(timestamp) : Math.floor(timestamp.getTime() / 1000);
    const bytes = rawBytes(body);
    const signature = secrets.map((s) => `v1,${sign(parseSecret(s).key, id, seconds, bytes).toString('base64')}`);
    return {
      'webhook-id': id,
      'webhook-timestamp': String(seconds),
      'webhook-signature': signature.join(' '),
    };
  },
};

/** Reads `whsec_test_<base64>` or `whsec_live_<base64>`, saying what to do with anything else. */
function parseSecret(text: unknown): Secret {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new WebhookVerificationError(
      'No webhook secret given. Pass the endpoint\'s secret (whsec_test_… or whsec_live_…), e.g. from ' +
        'PROOFDESK_WEBHOOK_SECRET.',
    );
  }
  const secret = text.trim();
  let livemode: boolean;
  if (secret.startsWith(TEST_TAG)) {
    livemode = false;
  } else if (secret.startsWith(LIVE_TAG)) {
    livemode = true;
  } else if (secret.startsWith('sk_') || secret.startsWith('pk_')) {
    throw new WebhookVerificationError(
      'An API key was given as the webhook secret. Pass the endpoint\'s signing secret (whsec_test_… or ' +
        'whsec_live_…), shown when the endpoint was created or its secret rotated.',
    );
  } else if (secret.startsWith('whsec_')) {
    throw new WebhookVerificationError(
      'This webhook secret has no environment tag (whsec_… instead of whsec_test_… or whsec_live_…): it looks ' +
        'converted for a Standard Webhooks library. Pass the secret exactly as Proofdesk issued it; this SDK ' +
        'reads the tag to refuse events of the other environment. Strip the tag only for other libraries.',
    );
  } else {
    throw new WebhookVerificationError(
      'The webhook secret must start with whsec_test_ or whsec_live_; copy it from the endpoint (shown when it ' +
        'was created or its secret rotated).',
    );
  }
  const encoded = secret.slice(TEST_TAG.length);
  const key = Buffer.from(encoded, 'base64');
  if (!BASE64.test(encoded) || key.length < 16) {
    throw new WebhookVerificationError(
      `The webhook secret is damaged: the part after ${secret.slice(0, TEST_TAG.length)} is not base64 of at ` +
        'least 16 bytes. Copy it again, whole.',
    );
  }
  return { livemode, key };
}

function rawBytes(body: unknown): Buffer {
  if (typeof body === 'string') {
    return Buffer.from(body, 'utf8');
  }
  if (body instanceof Uint8Array) {
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  }
  throw new WebhookVerificationError(
    'Pass the raw request body, a string or Buffer exactly as received, not parsed JSON (with Express, use ' +
      'express.raw({ type: \'application/json\' }) on the webhook route).',
  );
}

function sign(key: Buffer, id: string, seconds: number, body: Buffer): Buffer {
  return createHmac('sha256', key).update(`${id}.${seconds}.`, 'utf8').update(body).digest();
}

/** Compares every `v1` signature of the header with the expected one, each in constant time. */
function anyMatches(headerValue: string, expected: Buffer): boolean {
  let matched = false;
  for (const part of headerValue.trim().split(/ +/)) {
    const comma = part.indexOf(',');
    if (comma < 0 || part.slice(0, comma) !== 'v1') {
      continue;
    }
    const given = Buffer.from(part.slice(comma + 1), 'base64');
    // A length can differ only for garbage; comparing equal lengths keeps the comparison constant-time.
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      matched = true;
    }
  }
  return matched;
}

function parseEvent(body: Buffer): Event {
  let node: unknown;
  try {
    node = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new WebhookVerificationError(`The body is not valid event JSON: ${(e as Error).message}`);
  }
  const event = node as Record<string, unknown> | null;
  if (
    typeof event !== 'object' ||
    event === null ||
    typeof event['id'] !== 'string' ||
    typeof event['type'] !== 'string' ||
    typeof event['livemode'] !== 'boolean' ||
    !('data' in event)
  ) {
    throw new WebhookVerificationError('The body is not a Proofdesk event ({id, type, createdAt, livemode, data}).');
  }
  return event as unknown as Event;
}

function header(headers: WebhookHeaders, name: string): string {
  if (typeof headers !== 'object' || headers === null) {
    throw new WebhookVerificationError('Pass the request headers (req.headers, or a Fetch Headers object).');
  }
  let value: unknown;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    value = (headers as { get(name: string): string | null }).get(name);
  } else {
    for (const [key, v] of Object.entries(headers as Record<string, unknown>)) {
      if (key.toLowerCase() === name) {
        value = Array.isArray(v) ? v[0] : v;
        break;
      }
    }
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new WebhookVerificationError(
      `Missing the ${name} header; is this a Proofdesk webhook, and does your framework pass all request headers?`,
    );
  }
  return value;
}
