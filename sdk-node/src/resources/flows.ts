import type { PagePromise } from '../pagination.js';
import { segment, type RequestOptions, type Requestor } from '../requestor.js';
import type {
  Flow,
  FlowCreateParams,
  FlowDefinition,
  FlowUpdateParams,
  FlowVersion,
  ListObject,
  ListParams,
} from '../types.js';

/** `/v1/flows`: verification configurations of the key's environment. */
export class Flows {
  readonly #api: Requestor;

  constructor(api: Requestor) {
    this.#api = api;
  }

  /** Creates a draft (version 1); publish it before creating sessions. */
  create(params: FlowCreateParams, options?: RequestOptions): Promise<Flow> {
    return this.#api.post('/v1/flows', params, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Flow> {
    return this.#api.get(`/v1/flows/${segment(id)}`, {}, options);
  }

  /** Changes the draft, or starts a new draft version when the latest one is published. */
  update(id: string, params: FlowUpdateParams, options?: RequestOptions): Promise<Flow> {
    return this.#api.post(`/v1/flows/${segment(id)}`, params, options);
  }

  /** Makes the latest draft the version new sessions use. */
  publish(id: string, options?: RequestOptions): Promise<Flow> {
    return this.#api.post(`/v1/flows/${segment(id)}/publish`, undefined, options);
  }

  /** Stops the flow for good: no more edits and no new sessions. */
  archive(id: string, options?: RequestOptions): Promise<Flow> {
    return this.#api.post(`/v1/flows/${segment(id)}/archive`, undefined, options);
  }

  /** Newest first; await it for one page, or `for await` over it for every flow. */
  list(params: ListParams = {}, options?: RequestOptions): PagePromise<Flow> {
    return this.#api.list('/v1/flows', { ...params }, options);
  }

  /** Every version, newest first. */
  async versions(id: string, options?: RequestOptions): Promise<FlowVersion[]> {
    const list = await this.#api.get<ListObject<FlowVersion>>(`/v1/flows/${segment(id)}/versions`, {}, options);
    return list.data;
  }

  /** The portable definition: the published version if there is one, else the latest; or `version`. */
  export(id: string, params: { version?: number } = {}, options?: RequestOptions): Promise<FlowDefinition> {
    return this.#api.get(`/v1/flows/${segment(id)}/export`, { version: params.version }, options);
  }

  /**
   * Creates a draft flow from a definition, in the environment of this client's key: export with
   * the test client, import with the live one, then publish deliberately. With `flowId`, the
   * definition becomes the next draft of that flow instead.
   */
  import(definition: FlowDefinition, params: { flowId?: string } = {}, options?: RequestOptions): Promise<Flow> {
    return this.#api.post('/v1/flows/import', definition, options, { flowId: params.flowId });
  }
}
