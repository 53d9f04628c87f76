import type { ListObject } from './types.js';

/** One page of a list, newest first, and the way to the next one. */
export class Page<T extends { id: string }> {
  readonly data: T[];
  readonly hasMore: boolean;
  readonly #fetchAfter: (id: string) => Promise<Page<T>>;

  constructor(list: ListObject<T>, fetchAfter: (id: string) => Promise<Page<T>>) {
    this.data = list.data ?? [];
    this.hasMore = list.hasMore === true;
    this.#fetchAfter = fetchAfter;
  }

  /** The following page, or null after the last one. */
  async nextPage(): Promise<Page<T> | null> {
    const last = this.data[this.data.length - 1];
    return this.hasMore && last !== undefined ? this.#fetchAfter(last.id) : null;
  }
}

/**
 * What a list method returns: await it for the first page, or iterate it with `for await` to walk
 * every object, each further page fetched only when the iteration reaches it.
 *
 *   const page = await proofdesk.sessions.list({ limit: 20 });
 *   for await (const session of proofdesk.sessions.list({ status: 'valid' })) { … }
 */
export class PagePromise<T extends { id: string }> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #load: () => Promise<Page<T>>;
  #first: Promise<Page<T>> | undefined;

  constructor(load: () => Promise<Page<T>>) {
    this.#load = load;
  }

  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected: (reason: unknown) => R | PromiseLike<R>): Promise<Page<T> | R> {
    return this.#firstPage().catch(onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | null = await this.#firstPage();
    while (page !== null) {
      yield* page.data;
      page = await page.nextPage();
    }
  }

  /** Every object (or the first `limit`), fetching as many pages as that takes. */
  async toArray(options: { limit?: number } = {}): Promise<T[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const out: T[] = [];
    if (limit <= 0) {
      return out;
    }
    for await (const item of this) {
      out.push(item);
      if (out.length >= limit) {
        break;
      }
    }
    return out;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#load();
    return this.#first;
  }
}
