/**
 * Every failure the client reports is a ProofdeskError. An API error becomes the subclass of its
 * `code` (one class per code of the API), so callers catch what they can act on:
 *
 *   try { … } catch (e) { if (e instanceof InsufficientCreditsError) { … e.required … } else throw e; }
 *
 * `statusCode` is 0 when no HTTP response was received (or nothing was sent).
 */
export class ProofdeskError extends Error {
  /** The HTTP status, or 0 when the request got no response (or was never sent). */
  readonly statusCode: number;
  /** The API's error code, e.g. `validation_failed`; the client's own for failures without a response. */
  readonly code: string;
  /** The server's `X-Request-Id`: quote it when asking the operator what happened. */
  readonly requestId: string | null;
  /** The error's `details` object, as sent by the server. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, init: ErrorInit, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.statusCode = init.statusCode ?? 0;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.details = Object.freeze({ ...(init.details ?? {}) });
  }

  override toString(): string {
    const status = this.statusCode > 0 ? `${this.statusCode} ` : '';
    const request = this.requestId ? ` [request ${this.requestId}]` : '';
    return `${this.name}: ${status}${this.code}: ${this.message}${request}`;
  }
}

/** What an error is built from. */
export interface ErrorInit {
  statusCode?: number;
  code: string;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** One problem with a request: where it is (`rules.minimumAge`) and what to do about it. */
export interface Issue {
  path: string;
  message: string;
}

/** 400 `validation_failed` (and other refusals of the request itself, such as 405). */
export class InvalidRequestError extends ProofdeskError {
  /** Every problem the server found, so a form can show each next to its field. */
  get issues(): Issue[] {
    const raw = this.details['issues'];
    if (!Array.isArray(raw)) {
      return [];
    }
    return raw
      .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
      .map((i) => ({ path: String(i['path']), message: String(i['message']) }));
  }
}

/** 413 `payload_too_large`: the body is larger than the server accepts (`limit` bytes). */
export class PayloadTooLargeError extends InvalidRequestError {
  get limit(): number | null {
    return numberDetail(this.details, 'limit');
  }
}

/** 400 `bad_request`: the request is not well-formed HTTP (a bad header, a body that is not JSON). */
export class BadRequestError extends InvalidRequestError {}

/** 414 `uri_too_long`: the URL is longer than the server reads. */
export class UriTooLongError extends InvalidRequestError {}

/** 415 `unsupported_media_type`: a body that is not sent as `application/json`. */
export class UnsupportedMediaTypeError extends InvalidRequestError {}

/** 431 `header_fields_too_large`: the request's headers are larger than the server reads. */
export class HeaderFieldsTooLargeError extends InvalidRequestError {}

/** 405 `method_not_allowed`: the path exists, but not with this HTTP method. */
export class MethodNotAllowedError extends ProofdeskError {}

/** 401 `unauthenticated`: the key is unknown, revoked or expired. */
export class AuthenticationError extends ProofdeskError {}

/**
 * Raised by the client without a request: the key is not shaped like a Proofdesk secret key
 * (`sk_test_`/`sk_live_`, 32 base62 characters and a checksum). The message never repeats the key.
 */
export class MalformedApiKeyError extends AuthenticationError {
  constructor(message: string) {
    super(message, { code: 'malformed_api_key' });
  }
}

/**
 * Raised by the client without a request: a live key in a process that looks like a test or CI
 * run. Use a test key there, or pass `allowLiveKeyInTestEnvironment: true` when live is meant.
 */
export class LiveKeyInTestEnvironmentError extends ProofdeskError {
  /** What made the process look like a test or CI run, e.g. `CI=true`. */
  readonly reason: string;

  constructor(message: string, reason: string) {
    super(message, { code: 'live_key_in_test_environment' });
    this.reason = reason;
  }
}

/** 402 `insufficient_credits` (live only): the balance does not cover the session's cost. */
export class InsufficientCreditsError extends ProofdeskError {
  /** Credits available when the request was refused. */
  get balance(): number | null {
    return numberDetail(this.details, 'balance');
  }

  /** Credits the request needed. */
  get required(): number | null {
    return numberDetail(this.details, 'required');
  }
}

/** 403 `forbidden`: the key may not do this. */
export class PermissionError extends ProofdeskError {}

/** 403 `test_mode_only`: a test helper was called with a live key. */
export class TestModeOnlyError extends PermissionError {}

/**
 * 403 `environment_mismatch`: the object exists, but in the other environment (a live flow used
 * with a test key, or the reverse). Use the key of the environment the object lives in.
 */
export class EnvironmentMismatchError extends ProofdeskError {
  /** True when the object lives in live mode (so a test key was used). */
  get objectLivemode(): boolean {
    return this.details['livemode'] === true;
  }
}

/** 404 `not_found`: no such object for this account (another account's objects are not found either). */
export class NotFoundError extends ProofdeskError {}

/** 409 `conflict`: the object's state forbids the change, or an idempotency key was reused with another request. */
export class ConflictError extends ProofdeskError {}

/** 429 `rate_limited`: too many requests for this key; wait `retryAfterSeconds`. */
export class RateLimitError extends ProofdeskError {
  /** From the `Retry-After` header; 1 when the server did not say. */
  readonly retryAfterSeconds: number;

  constructor(message: string, init: ErrorInit, retryAfterSeconds = 1) {
    super(message, init);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** 5xx `internal_error`: the server failed; quote `requestId` to its operator. */
export class ServerError extends ProofdeskError {}

/** No usable response: the server could not be reached, the connection broke, or the call timed out. */
export class ApiConnectionError extends ProofdeskError {
  constructor(message: string, cause: unknown) {
    super(message, { code: 'api_connection_error' }, { cause });
  }
}

/** A webhook request that must not be trusted; answer it with 400 and do not act on it. */
export class WebhookVerificationError extends ProofdeskError {
  constructor(message: string) {
    super(message, { code: 'webhook_verification_failed' });
  }
}

/** The class of each error code the API sends. */
export const ERROR_CLASSES = {
  validation_failed: InvalidRequestError,
  bad_request: BadRequestError,
  unauthenticated: AuthenticationError,
  insufficient_credits: InsufficientCreditsError,
  forbidden: PermissionError,
  environment_mismatch: EnvironmentMismatchError,
  test_mode_only: TestModeOnlyError,
  not_found: NotFoundError,
  method_not_allowed: MethodNotAllowedError,
  conflict: ConflictError,
  payload_too_large: PayloadTooLargeError,
  uri_too_long: UriTooLongError,
  unsupported_media_type: UnsupportedMediaTypeError,
  rate_limited: RateLimitError,
  header_fields_too_large: HeaderFieldsTooLargeError,
  internal_error: ServerError,
} as const;

/** The API's error codes. */
export type ApiErrorCode = keyof typeof ERROR_CLASSES;

function numberDetail(details: Readonly<Record<string, unknown>>, name: string): number | null {
  const value = details[name];
  return typeof value === 'number' ? value : null;
}
