import {
  ApiConnectionError,
  AuthenticationError,
  ConflictError,
  ERROR_CLASSES,
  InsufficientCreditsError,
  InvalidRequestError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  ProofdeskError,
  RateLimitError,
  ServerError,
  type ErrorInit,
} from './errors.js';
import { Page, PagePromise } from './pagination.js';
import type { ListObject } from './types.js';
import { VERSION } from './version.js';

/** Per-call options. */
export interface RequestOptions {
  /**
   * Sent as `Idempotency-Key` on a POST: the server runs the request once and replays the first
   * answer for 24 hours (a repeat with a different body is a conflict). It also makes the POST safe
   * to retry, so only POSTs with a key are retried after a failure.
   */
  idempotencyKey?: string;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

export type Query = Record<string, string | number | boolean | Date | undefined | null>;

interface Call {
  query?: Query;
  body?: unknown;
  options?: RequestOptions | undefined;
}

const MAX_BACKOFF_MS = 8_000;
/** A 429 asking for a longer wait than this is reported rather than waited for. */
const MAX_RETRY_AFTER_SECONDS = 10;

/**
 * The one HTTP path of the client: authentication, JSON, idempotency keys, retries and the
 * translation of error responses into ProofdeskErrors. Resources call it; it keeps no per-call state.
 */
export class Requestor {
  readonly #authorization: string;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  readonly #maxNetworkRetries: number;

  constructor(apiKey: string, baseUrl: string, timeoutMs: number, maxNetworkRetries: number) {
    this.#authorization = `Bearer ${apiKey}`;
    this.#baseUrl = baseUrl;
    this.#timeoutMs = timeoutMs;
    this.#maxNetworkRetries = maxNetworkRetries;
  }

  get<T>(path: string, query?: Query, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, { query, options });
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions, query?: Query): Promise<T> {
    return this.request<T>('POST', path, { body, options, query });
  }

  delete<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, { options });
  }

  /** A list endpoint (`{data, hasMore}`) as pages that know how to fetch the ones after them. */
  list<T extends { id: string }>(path: string, query: Query = {}, options?: RequestOptions): PagePromise<T> {
    const fetchPage = (q: Query): Promise<Page<T>> =>
      this.get<ListObject<T>>(path, q, options).then(
        (list) => new Page(list, (after) => fetchPage({ ...q, startingAfter: after })),
      );
    return new PagePromise(() => fetchPage(query));
  }

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, call: Call): Promise<T> {
    const options = checkOptions(call.options);
    const url = this.#baseUrl + path + queryString(call.query);
    const headers: Record<string, string> = {
      Authorization: this.#authorization,
      Accept: 'application/json',
      'User-Agent': `proofdesk-node/${VERSION} node/${process.versions.node}`,
    };
    if (method === 'POST' && options.idempotencyKey !== undefined) {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    let body: string | undefined;
    if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    // Only a request the server would not act on twice may be sent twice.
    const safeToRetry = method === 'GET' || (method === 'POST' && options.idempotencyKey !== undefined);
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;

    for (let attempt = 0; ; attempt++) {
      const canRetry = safeToRetry && attempt < this.#maxNetworkRetries;
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (cause) {
        if (canRetry) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw connectionError(method, url, this.#baseUrl, timeoutMs, cause);
      }
      if (response.status >= 200 && response.status < 300) {
        return parseSuccess<T>(text, response);
      }
      const error = toError(response.status, text, response.headers);
      const wait = retryDelayMs(error, attempt);
      if (!canRetry || wait === null) {
        throw error;
      }
      await sleep(wait);
    }
  }
}

/** Encodes a caller-supplied id as one path segment, so it can never change the path. */
export function segment(id: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new TypeError('an id is required (a non-empty string)');
  }
  return encodeURIComponent(id);
}

function checkOptions(options: RequestOptions | undefined): RequestOptions {
  const opts = options ?? {};
  const key = opts.idempotencyKey;
  if (key !== undefined && (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key))) {
    throw new TypeError(
      'idempotencyKey must be 1 to 255 printable ASCII characters without spaces, e.g. a UUID or your own order id',
    );
  }
  if (opts.timeoutMs !== undefined && !(Number.isInteger(opts.timeoutMs) && opts.timeoutMs > 0)) {
    throw new TypeError('timeoutMs must be a positive whole number of milliseconds');
  }
  return opts;
}

function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) {
      params.append(name, value instanceof Date ? value.toISOString() : String(value));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function parseSuccess<T>(text: string, response: Response): T {
  if (text === '') {
    return undefined as T;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ProofdeskError(
      `The server's ${response.status} response is not JSON; is baseUrl the Proofdesk server (and not a proxy or another service)?`,
      { statusCode: response.status, code: 'unreadable_response', requestId: response.headers.get('x-request-id') },
    );
  }
}

/** Turns an error response (`{"error": {code, message, details, requestId}}`) into the class of its code. */
function toError(status: number, text: string, headers: Headers): ProofdeskError {
  const envelope = errorEnvelope(text);
  const code = typeof envelope['code'] === 'string' ? envelope['code'] : `http_${status}`;
  const message =
    typeof envelope['message'] === 'string'
      ? envelope['message']
      : `HTTP ${status} without a Proofdesk error body; is baseUrl the Proofdesk server (and not a proxy or another service)?`;
  const details = isObject(envelope['details']) ? envelope['details'] : {};
  const requestId = typeof envelope['requestId'] === 'string' ? envelope['requestId'] : headers.get('x-request-id');
  const init: ErrorInit = { statusCode: status, code, requestId, details };
  const byCode = (ERROR_CLASSES as Record<string, ErrorClass | undefined>)[code];
  const ErrorClass = byCode ?? classOfStatus(status);
  if (ErrorClass === RateLimitError) {
    return new RateLimitError(message, init, retryAfterSeconds(headers.get('retry-after')));
  }
  return new ErrorClass(message, init);
}

type ErrorClass = new (message: string, init: ErrorInit) => ProofdeskError;

/** For a code this client does not know (a newer server): the class of the status. */
function classOfStatus(status: number): ErrorClass {
  switch (status) {
    case 400:
    case 405:
    case 415:
    case 422:
      return InvalidRequestError;
    case 401:
      return AuthenticationError;
    case 402:
      return InsufficientCreditsError;
    case 403:
      return PermissionError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 413:
      return PayloadTooLargeError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? ServerError : ProofdeskError;
  }
}

function errorEnvelope(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) && isObject(parsed['error']) ? parsed['error'] : {};
  } catch {
    return {};
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Retry-After` as seconds or an HTTP date; 1 when absent or unreadable. */
function retryAfterSeconds(header: string | null): number {
  if (header === null || header.trim() === '') {
    return 1;
  }
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds);
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** How long to wait before retrying this error, or null when it must not be retried. */
function retryDelayMs(error: ProofdeskError, attempt: number): number | null {
  if (error instanceof RateLimitError) {
    return error.retryAfterSeconds <= MAX_RETRY_AFTER_SECONDS ? error.retryAfterSeconds * 1000 : null;
  }
  if (error.statusCode >= 500 && error.statusCode !== 501) {
    return backoffMs(attempt);
  }
  return null;
}

/** Exponential backoff with jitter: about 0.5 s, 1 s, 2 s … at most 8 s. */
function backoffMs(attempt: number): number {
  const cap = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 10));
  return cap / 2 + Math.random() * (cap / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function connectionError(method: string, url: string, baseUrl: string, timeoutMs: number, cause: unknown): ApiConnectionError {
  const name = cause instanceof Error ? cause.name : '';
  const what =
    name === 'TimeoutError' || name === 'AbortError'
      ? `timed out after ${timeoutMs} ms`
      : `failed: ${describe(cause)}`;
  return new ApiConnectionError(
    `${method} ${url} ${what}. Check that the Proofdesk server is running and reachable at ${baseUrl}.`,
    cause,
  );
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) {
    return String(cause);
  }
  const inner = (cause as { cause?: unknown }).cause;
  const code = isObject(inner) && typeof inner['code'] === 'string' ? ` (${inner['code']})` : '';
  return `${cause.message}${code}`;
}
