import type { PagePromise } from '../pagination.js';
import { segment, type RequestOptions, type Requestor } from '../requestor.js';
import type { Session, SessionCreateParams, SessionListParams } from '../types.js';

/** `/v1/sessions`: verification sessions of the key's environment. */
export class Sessions {
  readonly #api: Requestor;

  constructor(api: Requestor) {
    this.#api = api;
  }

  /**
   * Opens a session on the flow's published version. Pass an `idempotencyKey` (e.g. your sign-up
   * id) so a retry after a lost response cannot open, or in live pay for, a second session.
   */
  create(params: SessionCreateParams, options?: RequestOptions): Promise<Session> {
    return this.#api.post('/v1/sessions', params, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Session> {
    return this.#api.get(`/v1/sessions/${segment(id)}`, {}, options);
  }

  /** Newest first, filtered by `status` and `flowId`; `for await` over it walks every page. */
  list(params: SessionListParams = {}, options?: RequestOptions): PagePromise<Session> {
    return this.#api.list('/v1/sessions', { ...params }, options);
  }

  /** Ends a pending session; in live its cost is refunded. */
  cancel(id: string, options?: RequestOptions): Promise<Session> {
    return this.#api.post(`/v1/sessions/${segment(id)}/cancel`, undefined, options);
  }
}
