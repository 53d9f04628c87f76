import type { PagePromise } from '../pagination.js';
import { segment, type RequestOptions, type Requestor } from '../requestor.js';
import type { Event, EventListParams, EventRedeliverParams, Redelivery } from '../types.js';

/** `/v1/events`: what happened in the key's environment (kept 30 days). */
export class Events {
  readonly #api: Requestor;

  constructor(api: Requestor) {
    this.#api = api;
  }

  retrieve(id: string, options?: RequestOptions): Promise<Event> {
    return this.#api.get(`/v1/events/${segment(id)}`, {}, options);
  }

  /** Newest first, filtered by `type`, `createdAfter` and `deliveryFailed`. */
  list(params: EventListParams = {}, options?: RequestOptions): PagePromise<Event> {
    return this.#api.list('/v1/events', { ...params }, options);
  }

  /** Delivers the event again, with its original id, to one endpoint or every enabled endpoint subscribed to it. */
  redeliver(id: string, params: EventRedeliverParams = {}, options?: RequestOptions): Promise<Redelivery> {
    return this.#api.post(`/v1/events/${segment(id)}/redeliver`, params, options);
  }
}
