import type { PagePromise } from '../pagination.js';
import { segment, type RequestOptions, type Requestor } from '../requestor.js';
import type {
  DeletedWebhookEndpoint,
  Event,
  ListParams,
  RotateSecretParams,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreateParams,
  WebhookEndpointUpdateParams,
} from '../types.js';

const BASE = '/v1/webhook_endpoints';

/** `/v1/webhook_endpoints`: where this environment's events are delivered. */
export class WebhookEndpoints {
  readonly #api: Requestor;

  constructor(api: Requestor) {
    this.#api = api;
  }

  /** Creates an endpoint; the returned `secret` is shown only this once. */
  create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.post(BASE, params, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.get(`${BASE}/${segment(id)}`, {}, options);
  }

  list(params: ListParams = {}, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this.#api.list(BASE, { ...params }, options);
  }

  /** Changes `url`, `description` or `enabledEvents`; the rest stays. */
  update(id: string, params: WebhookEndpointUpdateParams, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.post(`${BASE}/${segment(id)}`, params, options);
  }

  /** Deletes the endpoint and its delivery history. */
  delete(id: string, options?: RequestOptions): Promise<DeletedWebhookEndpoint> {
    return this.#api.delete(`${BASE}/${segment(id)}`, options);
  }

  enable(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.post(`${BASE}/${segment(id)}/enable`, undefined, options);
  }

  /** Stops deliveries; the waiting ones are canceled. */
  disable(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.post(`${BASE}/${segment(id)}/disable`, undefined, options);
  }

  /** A new secret (in the result); the old one keeps signing alongside it for `overlapSeconds`. */
  rotateSecret(id: string, params: RotateSecretParams = {}, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.post(`${BASE}/${segment(id)}/rotate_secret`, params, options);
  }

  /** Sends a `webhook_endpoint.test` event to this endpoint. */
  sendTestEvent(id: string, options?: RequestOptions): Promise<Event> {
    return this.#api.post(`${BASE}/${segment(id)}/test`, undefined, options);
  }

  /** Deliveries to this endpoint, newest first, each with its attempts. */
  deliveries(id: string, params: ListParams = {}, options?: RequestOptions): PagePromise<WebhookDelivery> {
    return this.#api.list(`${BASE}/${segment(id)}/deliveries`, { ...params }, options);
  }
}
