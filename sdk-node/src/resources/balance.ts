import type { RequestOptions, Requestor } from '../requestor.js';
import type { Balance } from '../types.js';

/** `/v1/balance`: the live credits; with a test key, a note that billing does not apply. */
export class BalanceResource {
  readonly #api: Requestor;

  constructor(api: Requestor) {
    this.#api = api;
  }

  retrieve(options?: RequestOptions): Promise<Balance> {
    return this.#api.get('/v1/balance', {}, options);
  }
}
