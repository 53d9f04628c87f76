// Where the real server of this run is (started by scripts/test.mjs), and small helpers on top of it.
import { randomUUID } from 'node:crypto';
import { Proofdesk } from '../../dist/esm/index.js';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the suites with npm test, which starts a Proofdesk server`);
  }
  return value;
}

export const baseUrl = required('PROOFDESK_TEST_BASE_URL');
export const testKey = required('PROOFDESK_TEST_KEY');
export const liveKey = required('PROOFDESK_TEST_LIVE_KEY');
export const rateLimitedLiveKey = required('PROOFDESK_TEST_RATE_LIMITED_LIVE_KEY');

/** A client with the run's test key. */
export function testClient(options = {}) {
  return new Proofdesk({ apiKey: testKey, baseUrl, ...options });
}

/** A client with the run's live key; every suite runs under node --test, so it opts in. */
export function liveClient(options = {}) {
  return new Proofdesk({ apiKey: liveKey, baseUrl, allowLiveKeyInTestEnvironment: true, ...options });
}

/** Flow parameters: adults only, the nationality disclosed. */
export function adults(name = `Adults ${randomUUID().slice(0, 8)}`) {
  return { name, product: 'age_verification', rules: { minimumAge: 18 }, disclosures: { nationality: true } };
}

/** A published flow of the client's environment. */
export async function publishedFlow(proofdesk, params = adults()) {
  const flow = await proofdesk.flows.create(params);
  return proofdesk.flows.publish(flow.id);
}

/** Polls `probe` until it returns something truthy (a condition, never a fixed wait), or fails after `ms`. */
export async function eventually(probe, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${ms} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
