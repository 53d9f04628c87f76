/**
 * The API's objects, as the server sends them (JSON, camelCase). Timestamps are ISO-8601 UTC
 * strings; `livemode` says which environment an object lives in. Fields a newer server adds are
 * kept at run time, they are only not typed.
 */

// ---- lists -------------------------------------------------------------------------------------

/** One page of a list, newest first. */
export interface ListObject<T> {
  object: 'list';
  data: T[];
  hasMore: boolean;
}

/** Paging of a list: at most `limit` objects (1 to 100, default 10) after the object `startingAfter`. */
export interface ListParams {
  limit?: number;
  startingAfter?: string;
}

// ---- flows -------------------------------------------------------------------------------------

/** What a flow verifies; it sets the credit cost of each live session. */
export type Product = 'age_verification' | 'pre_kyc' | 'proof_of_human';
export type FlowStatus = 'draft' | 'published' | 'archived';
export type DocumentType = 'passport' | 'id_card';

/** Who passes. */
export interface FlowRules {
  /** 0 to 120, or null for no age rule. */
  minimumAge: number | null;
  /** ICAO 9303 codes (e.g. `FRA`; Germany is `D`), at most 40; set included or excluded, not both. */
  includedCountries: string[];
  excludedCountries: string[];
  /** Screen against the environment's sanctions list. */
  ofac: boolean;
  rejectExpiredDocuments: boolean;
  /**
   * Without a chip that proves it is genuine (Chip or Active Authentication) the verdict is
   * `invalid` with `chip_authentication_unavailable`; `false` lets passive authentication alone pass.
   */
  requireChipAuthentication: boolean;
}

/** Which attributes a result reveals; nothing else is ever returned or stored. */
export interface FlowDisclosures {
  nationality: boolean;
  dateOfBirth: boolean;
  fullName: boolean;
  documentNumber: boolean;
  gender: boolean;
  expirationDate: boolean;
  issuingState: boolean;
}

export interface FlowSettings {
  /** How long a new session stays open, 60 to 86400. */
  sessionTtlSeconds: number;
  /** Where the hosted page sends the person after a valid verification. */
  successUrl: string | null;
  /** Where it sends them otherwise. */
  failureUrl: string | null;
  /** Refuse a document already used in this account. */
  oneVerificationPerDocument: boolean;
}

/** The portable part of a flow: what `flows.export` returns and `flows.import` takes (no ids, no environment). */
export interface FlowDefinition {
  name: string;
  product: Product;
  rules: FlowRules;
  documents: DocumentType[];
  disclosures: FlowDisclosures;
  settings: FlowSettings;
}

/** A flow: the latest version's definition, its status, and the published version new sessions pin. */
export interface Flow extends FlowDefinition {
  id: string;
  object: 'flow';
  status: FlowStatus;
  version: number;
  versionId: string;
  /** Null until the first publish. */
  publishedVersion: number | null;
  publishedVersionId: string | null;
  livemode: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** One version of a flow; `published` is the one sessions use. */
export interface FlowVersion {
  id: string;
  object: 'flow_version';
  flowId: string;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  definition: FlowDefinition;
  livemode: boolean;
  createdAt: string;
  publishedAt: string | null;
}

/** A flow to create: `name` and `product` are required, the rest takes defaults. */
export interface FlowCreateParams {
  name: string;
  product: Product;
  rules?: Partial<FlowRules>;
  documents?: DocumentType[];
  disclosures?: Partial<FlowDisclosures>;
  settings?: Partial<FlowSettings>;
}

/** A flow update: only the fields that are set change. */
export type FlowUpdateParams = Partial<FlowCreateParams>;

// ---- sessions ----------------------------------------------------------------------------------

/** `pending` → `processing` → `valid` | `invalid` | `error`; or `expired`, `canceled`. */
export type SessionStatus = 'pending' | 'processing' | 'valid' | 'invalid' | 'error' | 'expired' | 'canceled';

/** The code of a failed check. */
export type CheckCode =
  | 'document_malformed'
  | 'signature_invalid'
  | 'issuer_untrusted'
  | 'mock_document'
  | 'data_tampered'
  | 'chip_not_genuine'
  | 'chip_authentication_unavailable'
  | 'document_expired'
  | 'age_below_minimum'
  | 'country_not_allowed'
  | 'document_type_not_accepted'
  | 'ofac_match'
  | 'document_already_used';

/** How a chip proved it is genuine: Chip Authentication (DG14), Active Authentication (DG15), or not at all. */
export type ChipAuthentication = 'chip_authentication' | 'active_authentication' | 'none';

/** One named check; `code` is null when it passed. */
export interface Check {
  name: string;
  /** False only when the check failed the document. */
  passed: boolean;
  code: CheckCode | null;
  /** The check could not run (e.g. no CRL of the issuing CSCA): it failed nothing and vouches for nothing. */
  skipped: boolean;
}

/** Only the attributes the flow discloses are present. Dates are `YYYY-MM-DD`. */
export interface DisclosedAttributes {
  nationality?: string;
  dateOfBirth?: string;
  fullName?: string;
  documentNumber?: string;
  gender?: 'male' | 'female' | 'unspecified';
  expirationDate?: string;
  issuingState?: string;
}

/** The outcome of a completed session. */
export interface SessionResult {
  /** Every check that ran, in order; failed ones carry a code such as `age_below_minimum`. */
  checks: Check[];
  attributes: DisclosedAttributes;
  /** A stable pseudonym of the document within the account, to refuse duplicate sign-ups without PII. */
  nullifier: string | null;
  /** Conditions that did not fail the document. */
  warnings: string[];
  /** How the chip proved it is genuine. */
  chipAuthentication?: ChipAuthentication;
  /** Status `error` only: why the submission could not be processed. */
  error?: string;
  errorMessage?: string;
}

/** One verification attempt of one person against the published version of one flow. */
export interface Session {
  id: string;
  object: 'session';
  flowId: string;
  flowVersionId: string;
  /** Your reference for the person. */
  externalUuid: string | null;
  status: SessionStatus;
  /** The hosted page to send the person to. */
  verificationUrl: string;
  /** Lets the holder side act on this one session; never log it. Null in events. */
  clientSecret: string | null;
  metadata: Record<string, unknown>;
  /** Null until the session completes. */
  result: SessionResult | null;
  /** Credits the session costs (charged in live, only reported in test). */
  cost: number;
  livemode: boolean;
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
  successUrl: string | null;
  failureUrl: string | null;
}

export interface SessionCreateParams {
  /** A published flow of the key's environment. */
  flowId: string;
  /** Your reference for the person, a UUID. */
  externalUuid?: string;
  /** 60 to 86400; default from the flow's settings. */
  expiresInSeconds?: number;
  /** Your key/values, at most 4 KB as JSON. */
  metadata?: Record<string, unknown>;
  successUrl?: string;
  failureUrl?: string;
}

export interface SessionListParams extends ListParams {
  status?: SessionStatus;
  flowId?: string;
}

// ---- test helpers ------------------------------------------------------------------------------

export type MockPassportDefect = 'none' | 'tampered_data' | 'bad_signature' | 'expired_document' | 'cloned_chip';
export type SignatureAlgorithm = 'RSA-2048' | 'RSA-PSS' | 'ECDSA-P256';

/** What a mock passport should say; by default an adult from `UTO`, not sanctioned, with a genuine chip. */
export interface MockPassportCreateParams {
  /** ICAO 9303 code, e.g. `FRA`; Germany is `D`. */
  nationality?: string;
  age?: number;
  /** `YYYY-MM-DD`; instead of `age`. */
  dateOfBirth?: string;
  /** `flagged`: the identity on the test sanctions list. */
  ofac?: 'clear' | 'flagged';
  fullName?: string;
  documentNumber?: string;
  expiryDate?: string;
  documentType?: DocumentType;
  gender?: 'male' | 'female' | 'unspecified';
  signatureAlgorithm?: SignatureAlgorithm;
  /** A defect to exercise a failure branch. */
  defect?: MockPassportDefect;
  /** How the chip proves itself: `active` (DG15, the default), `chip` (DG14, like German passports) or `none`. */
  chipAuthentication?: 'active' | 'chip' | 'none';
  /** How the chip opens: `both` (the default), `bac`, or `pace` only (like identity cards, with the CAN). */
  accessControl?: 'bac' | 'pace' | 'both';
}

/** A test-only document signed by this deployment's mock issuer; `chip` holds its data groups (base64). */
export interface MockPassport {
  id: string;
  object: 'mock_passport';
  documentType: DocumentType;
  nationality: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  expiryDate: string;
  documentNumber: string;
  gender: 'male' | 'female' | 'unspecified';
  ofac: 'clear' | 'flagged';
  defect: MockPassportDefect;
  signatureAlgorithm: SignatureAlgorithm;
  chipAuthentication: 'active' | 'chip' | 'none';
  accessControl: 'bac' | 'pace' | 'both';
  /** The card access number printed on the document, for PACE. */
  can: string | null;
  /** DG15 is empty unless the chip has Active Authentication. */
  chip: { dg1: string; sod: string; dg15: string };
  livemode: boolean;
  createdAt: string;
}

/** The mock chip's Active Authentication signature over a session's challenge (base64). */
export interface ChipSignature {
  object: 'chip_signature';
  activeAuthSignature: string;
}

export interface SessionCompleteParams {
  mockPassportId: string;
}

// ---- webhooks and events -----------------------------------------------------------------------

/**
 * A URL that receives this environment's events. `secret` is set only in the response that
 * created the endpoint or rotated its secret: store it then (e.g. as PROOFDESK_WEBHOOK_SECRET).
 */
export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  description?: string | null;
  /** Event types, or `*` for every type. */
  enabledEvents: string[];
  status: 'enabled' | 'disabled';
  disabledReason?: string | null;
  livemode: boolean;
  /** `whsec_test_…` or `whsec_live_…`, only when created or rotated. */
  secret?: string;
  /** While a rotation overlaps: when the previous secret stops signing. */
  previousSecretExpiresAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookEndpointCreateParams {
  /** Live: https on a public address. Test: http://localhost allowed. */
  url: string;
  description?: string;
  /** Default `['*']`, every event type. */
  enabledEvents?: string[];
}

export type WebhookEndpointUpdateParams = Partial<WebhookEndpointCreateParams>;

export interface DeletedWebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  deleted: true;
}

/** One HTTP attempt of a delivery. */
export interface DeliveryAttempt {
  attempt: number;
  /** The endpoint's status code; null without a response. */
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  nextRetryAt: string | null;
  createdAt: string;
}

/** One event's delivery to one endpoint, with its attempts. */
export interface WebhookDelivery {
  id: string;
  object: 'webhook_delivery';
  eventId: string;
  eventType: string;
  endpointId: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  attemptCount: number;
  nextAttemptAt: string | null;
  createdAt: string;
  attempts: DeliveryAttempt[];
}

/** The data of each event type. */
export interface EventDataByType {
  'session.created': Session;
  'session.canceled': Session;
  'session.expired': Session;
  /** The session with its result. */
  'verification.completed': Session;
  'flow.published': Flow;
  'webhook_endpoint.disabled': WebhookEndpoint;
  'webhook_endpoint.test': { endpointId: string; url: string; message: string };
  'billing.credits_low': { object: 'balance'; credits: number; threshold: number; livemode: true };
}

export type EventType = keyof EventDataByType;

/**
 * An event: `id` is also the `webhook-id` header, the same on every retry of a delivery, so
 * handlers can use it to ignore duplicates. Narrow on `type` to get typed `data`.
 */
export type Event = {
  [T in EventType]: {
    id: string;
    object?: 'event';
    type: T;
    createdAt: string;
    livemode: boolean;
    data: EventDataByType[T];
  };
}[EventType];

export interface EventListParams extends ListParams {
  type?: EventType | (string & {});
  /** ISO-8601 instant, or a Date. */
  createdAfter?: string | Date;
  /** Only events with a delivery whose latest attempt failed. */
  deliveryFailed?: boolean;
}

export interface EventRedeliverParams {
  /** One endpoint; without it, every enabled endpoint subscribed to the event. */
  endpointId?: string;
}

export interface Redelivery {
  object: 'redelivery';
  eventId: string;
  deliveries: { id: string; endpointId: string }[];
}

export interface RotateSecretParams {
  /** How long the old secret keeps signing alongside the new one, 0 to 604800 (default 86400). */
  overlapSeconds?: number;
}

// ---- billing -----------------------------------------------------------------------------------

/** Live: `credits` and `reserved`. Test: no numbers, and a `message` saying billing does not apply. */
export interface Balance {
  object: 'balance';
  livemode: boolean;
  /** Credits available for new live sessions. */
  credits?: number;
  /** Credits charged for live sessions still in progress (refunded if they end in error, expire or are canceled). */
  reserved?: number;
  message?: string;
}
